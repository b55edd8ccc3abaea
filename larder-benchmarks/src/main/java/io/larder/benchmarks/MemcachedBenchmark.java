package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.MemcachedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.exception.MemcachedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Larder's memcached backend next to the raw xmemcached client it is built on, in the same run,
 * against one throwaway memcached on loopback: the gap is what key making and checking, Django's
 * value flags, routing and the server's health bookkeeping cost per call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemcachedBenchmark {
  static final int ENTRIES = 1_000;

  @State(Scope.Benchmark)
  public static class Stores {
    MemcachedServer server;
    Caches caches;
    Cache larder;
    MemcachedClient raw;
    final List<String> tenKeys = List.of(new Keys("key", 10).all());
    final List<String> tenRawKeys = List.of(new Keys(":1:key", 10).all());

    @Setup
    public void start()
        throws IOException, TimeoutException, InterruptedException, MemcachedException {
      server = MemcachedServer.start();
      caches = BenchCaches.of(c -> c.backend("memcached").location(server.address()));
      larder = caches.getDefault();
      raw =
          new XMemcachedClientBuilder(List.of(new InetSocketAddress("127.0.0.1", server.port())))
              .build();
      for (String key : new Keys("key", ENTRIES).all()) {
        larder.set(key, "value");
        raw.set("raw" + key, 300, "value");
      }
    }

    @TearDown
    public void stop() throws IOException {
      caches.close();
      raw.shutdown();
      server.close();
    }
  }

  /** Each thread walks its own key sequence. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("key", ENTRIES);
    final Keys rawPresent = new Keys("rawkey", ENTRIES);
  }

  @Benchmark
  public Object larderGetHit(Stores s, ThreadKeys k) {
    return s.larder.get(k.present.next());
  }

  @Benchmark
  public Object xmemcachedGetHit(Stores s, ThreadKeys k)
      throws TimeoutException, InterruptedException, MemcachedException {
    return s.raw.get(k.rawPresent.next());
  }

  @Benchmark
  public void larderSet(Stores s, ThreadKeys k) {
    s.larder.set(k.present.next(), "value");
  }

  @Benchmark
  public boolean xmemcachedSet(Stores s, ThreadKeys k)
      throws TimeoutException, InterruptedException, MemcachedException {
    return s.raw.set(k.rawPresent.next(), 300, "value");
  }

  @Benchmark
  public Object larderGetMany10(Stores s) {
    return s.larder.getMany(s.tenKeys);
  }

  /** The same ten made keys in one multi-get, as Larder sends them. */
  @Benchmark
  public Object xmemcachedGetMany10(Stores s)
      throws TimeoutException, InterruptedException, MemcachedException {
    return s.raw.get(s.tenRawKeys);
  }
}
