package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.params.SetParams;

/**
 * Larder's Redis cache next to plain Lettuce sync calls on one connection to the same throwaway
 * {@code redis-server}, in the same run: the gap is what Larder's key making, serialization, the
 * circuit breaker check and statistics cost per call on top of the round trip. The {@code Integer}
 * variants store decimal text, which needs no serializer, so they show Larder's own cost; the
 * others add the {@code java} serializer's. Larder's synchronous calls on one server run on Jedis,
 * a blocking client with a pool of connections ({@code sync_client: jedis}, the default), so raw
 * Jedis is the library underneath them; {@code larderOnLettuce} is the same cache with {@code
 * sync_client: lettuce}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedisBenchmark {
  static final int ENTRIES = 1_000;
  private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

  @State(Scope.Benchmark)
  public static class Stores {
    /** {@code options.max_connections} of Larder's caches: its default unless given with -p. */
    @Param("128")
    String maxConnections;

    RawRedis raw;
    Caches caches;
    Cache larder;
    Cache larderOnLettuce;
    RedisCommands<byte[], byte[]> lettuce;
    RedisAsyncCommands<byte[], byte[]> lettuceAsync;
    redis.clients.jedis.RedisClient jedis;

    @Setup
    public void start() {
      raw = new RawRedis();
      caches =
          BenchCaches.builder()
              .cache(
                  "default",
                  c ->
                      c.backend("redis")
                          .location(raw.server.url())
                          .option("max_connections", maxConnections))
              .cache(
                  "lettuce",
                  c ->
                      c.backend("redis")
                          .location(raw.server.url())
                          .option("sync_client", "lettuce"))
              .build();
      larder = caches.getDefault();
      larderOnLettuce = caches.get("lettuce");
      lettuce = raw.connection.sync();
      lettuceAsync = raw.connection.async();
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      pool.setMaxTotal(64);
      pool.setMaxIdle(64);
      jedis =
          redis.clients.jedis.RedisClient.builder()
              .hostAndPort("127.0.0.1", raw.server.port())
              .poolConfig(pool)
              .build();
      for (String key : new Keys("key", ENTRIES).all()) {
        larder.set(key, "value");
        larder.set("int:" + key, 42);
        lettuce.set(Keys.bytes("raw:" + key), VALUE);
      }
    }

    @TearDown
    public void stop() {
      jedis.close();
      caches.close();
      raw.close();
    }
  }

  /** Each thread walks its own key sequence; get_many takes the next ten keys. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys keys = new Keys("key", ENTRIES);

    List<String> ten() {
      return keys.next(10);
    }

    /** The next ten keys as the raw clients'. */
    byte[][] rawTen() {
      List<String> ten = ten();
      byte[][] raw = new byte[ten.size()][];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = Keys.bytes("raw:" + ten.get(i));
      }
      return raw;
    }
  }

  @Benchmark
  public Object larderGetHit(Stores s, ThreadKeys k) {
    return s.larder.get(k.keys.next());
  }

  /** An integer is stored as decimal: no serializer, so this is Larder's own cost. */
  @Benchmark
  public Object larderGetHitInteger(Stores s, ThreadKeys k) {
    return s.larder.get("int:" + k.keys.next());
  }

  /** The same as {@link #larderGetHitInteger} with {@code sync_client: lettuce}. */
  @Benchmark
  public Object larderOnLettuceGetHitInteger(Stores s, ThreadKeys k) {
    return s.larderOnLettuce.get("int:" + k.keys.next());
  }

  @Benchmark
  public Object lettuceGetHit(Stores s, ThreadKeys k) {
    return s.lettuce.get(Keys.bytes("raw:" + k.keys.next()));
  }

  /** A blocking client on a pool of connections: one borrowed per call. */
  @Benchmark
  public Object jedisGetHit(Stores s, ThreadKeys k) {
    return s.jedis.get(Keys.bytes("raw:" + k.keys.next()));
  }

  @Benchmark
  public Object jedisSet(Stores s, ThreadKeys k) {
    return s.jedis.set(
        Keys.bytes("raw:" + k.keys.next()), VALUE, SetParams.setParams().px(300_000));
  }

  @Benchmark
  public List<byte[]> jedisMget10(Stores s, ThreadKeys k) {
    return s.jedis.mget(k.rawTen());
  }

  /** {@code async()}, which Larder serves on Lettuce's own futures, awaited one call at a time. */
  @Benchmark
  public Object larderAsyncGetHit(Stores s, ThreadKeys k) {
    return s.larder.async().get("int:" + k.keys.next()).join();
  }

  @Benchmark
  public Object lettuceAsyncGetHit(Stores s, ThreadKeys k) {
    return s.lettuceAsync.get(Keys.bytes("raw:" + k.keys.next())).toCompletableFuture().join();
  }

  @Benchmark
  public void larderSet(Stores s, ThreadKeys k) {
    s.larder.set(k.keys.next(), "value");
  }

  @Benchmark
  public void larderSetInteger(Stores s, ThreadKeys k) {
    s.larder.set("int:" + k.keys.next(), 42);
  }

  @Benchmark
  public Object lettuceSet(Stores s, ThreadKeys k) {
    return s.lettuce.set(Keys.bytes("raw:" + k.keys.next()), VALUE, SetArgs.Builder.px(300_000));
  }

  @Benchmark
  public Object larderGetMany10(Stores s, ThreadKeys k) {
    return s.larder.getMany(k.ten());
  }

  @Benchmark
  public Object larderGetMany10Integers(Stores s, ThreadKeys k) {
    List<String> ten = k.ten();
    ten.replaceAll(key -> "int:" + key);
    return s.larder.getMany(ten);
  }

  @Benchmark
  public List<KeyValue<byte[], byte[]>> lettuceMget10(Stores s, ThreadKeys k) {
    return s.lettuce.mget(k.rawTen());
  }

  // Pairs run at the same time, one thread each, so both sides see the same machine load: on a
  // shared machine this compares them more fairly than two runs one after the other.

  @Benchmark
  @Group("pairGetHit")
  public Object pairGetHitLarder(Stores s, ThreadKeys k) {
    return larderGetHitInteger(s, k);
  }

  @Benchmark
  @Group("pairGetHit")
  public Object pairGetHitLettuce(Stores s, ThreadKeys k) {
    return lettuceGetHit(s, k);
  }

  @Benchmark
  @Group("pairSet")
  public void pairSetLarder(Stores s, ThreadKeys k) {
    larderSetInteger(s, k);
  }

  @Benchmark
  @Group("pairSet")
  public Object pairSetLettuce(Stores s, ThreadKeys k) {
    return lettuceSet(s, k);
  }

  @Benchmark
  @Group("pairGetMany10")
  public Object pairGetMany10Larder(Stores s, ThreadKeys k) {
    return larderGetMany10Integers(s, k);
  }

  @Benchmark
  @Group("pairGetMany10")
  public Object pairGetMany10Lettuce(Stores s, ThreadKeys k) {
    return lettuceMget10(s, k);
  }
}
