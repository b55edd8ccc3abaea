package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.chain.ChainExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reads of a hot key set through a {@code chain} of local memory over a throwaway {@code
 * redis-server}, next to a plain {@code locmem} cache, Larder's Redis cache alone and raw Lettuce
 * sync {@code GET}, in the same run: a local-tier hit never leaves the process.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChainBenchmark {
  static final int ENTRIES = 1_000;
  private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

  @State(Scope.Benchmark)
  public static class Stores {
    RawRedis raw;
    Caches caches;
    Cache chain;
    Cache locmem;
    Cache redis;
    RedisCommands<byte[], byte[]> lettuce;

    @Setup
    public void start() {
      raw = new RawRedis();
      String id = UUID.randomUUID().toString();
      caches =
          BenchCaches.builder()
              .cache("default", c -> c.backend("chain").option("caches", List.of("near", "redis")))
              .cache(
                  "near",
                  c ->
                      c.backend("locmem").location("near-" + id).option("max_entries", ENTRIES * 2))
              .cache("redis", c -> c.backend("redis").location(raw.server.url()))
              .cache(
                  "locmem",
                  c ->
                      c.backend("locmem")
                          .location("plain-" + id)
                          .option("max_entries", ENTRIES * 2))
              .build();
      chain = caches.getDefault();
      locmem = caches.get("locmem");
      redis = caches.get("redis");
      lettuce = raw.connection.sync();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!chain.unwrap(ChainExtension.class).localTiersInUse()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the chain's invalidations never came up");
        }
        Thread.onSpinWait();
      }
      for (String key : new Keys("key", ENTRIES).all()) {
        chain.set(key, "value");
        locmem.set(key, "value");
        redis.set(key, "value");
        lettuce.set(Keys.bytes("raw:" + key), VALUE);
      }
    }

    @TearDown
    public void stop() {
      caches.close();
      raw.close();
    }
  }

  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys keys = new Keys("key", ENTRIES);
  }

  @Benchmark
  public Object chainLocalHit(Stores s, ThreadKeys k) {
    return s.chain.get(k.keys.next());
  }

  @Benchmark
  public Object locmemHit(Stores s, ThreadKeys k) {
    return s.locmem.get(k.keys.next());
  }

  @Benchmark
  public Object redisHit(Stores s, ThreadKeys k) {
    return s.redis.get(k.keys.next());
  }

  @Benchmark
  public Object lettuceGetHit(Stores s, ThreadKeys k) {
    return s.lettuce.get(Keys.bytes("raw:" + k.keys.next()));
  }
}
