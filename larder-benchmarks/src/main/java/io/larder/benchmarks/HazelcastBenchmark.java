package io.larder.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.hazelcast.HazelcastMap;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Larder's hazelcast backend next to the raw Hazelcast client's {@code IMap} calls with the same
 * bytes, in the same run, against one member on loopback in this JVM: the gap is what key making,
 * serialization, statistics and the engine cost per call. Also a near-cache hit next to a
 * local-memory hit, both through Larder, and the floor under the first: the raw client's near-cache
 * hit (the near cache Larder configures, the same bytes) beside a raw Caffeine hit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HazelcastBenchmark {
  static final int ENTRIES = 1_000;

  @State(Scope.Benchmark)
  public static class Stores {
    HazelcastInstance member;
    HazelcastInstance rawClient;
    Caches caches;
    Cache larder;
    Cache near;
    Cache locmem;
    IMap<String, byte[]> raw;
    IMap<String, byte[]> rawNear;
    com.github.benmanes.caffeine.cache.Cache<String, byte[]> caffeine;
    byte[] value;
    final List<String> tenKeys = List.of(new Keys("key", 10).all());
    final Set<String> tenRawKeys = new HashSet<>(List.of(new Keys("raw:1:key", 10).all()));

    @Setup
    public void start() throws IOException {
      String cluster = "larder-bench-" + UUID.randomUUID();
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Config config = new Config();
      config.setClusterName(cluster);
      config.setProperty("hazelcast.phone.home.enabled", "false");
      config.setProperty("hazelcast.logging.type", "none");
      NetworkConfig network = config.getNetworkConfig();
      network.setPort(port).setPortAutoIncrement(false);
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
      network.getJoin().getMulticastConfig().setEnabled(false);
      network.getJoin().getAutoDetectionConfig().setEnabled(false);
      member = Hazelcast.newHazelcastInstance(config);
      String location = "127.0.0.1:" + port;
      caches =
          BenchCaches.builder()
              .cache(
                  "default",
                  c ->
                      c.backend("hazelcast")
                          .location(location)
                          .option("cluster_name", cluster)
                          .option("map", "bench"))
              .cache(
                  "near",
                  c ->
                      c.backend("hazelcast")
                          .location(location)
                          .option("cluster_name", cluster)
                          .option("map", "bench-near")
                          .option("near_cache", Map.of("max_entries", 10_000)))
              .cache("local", c -> c.backend("locmem").option("max_entries", 10_000))
              .build();
      larder = caches.getDefault();
      near = caches.get("near");
      locmem = caches.get("local");
      ClientConfig clientConfig = new ClientConfig();
      clientConfig.setClusterName(cluster);
      clientConfig.setProperty("hazelcast.logging.type", "none");
      clientConfig.setBackupAckToClientEnabled(false);
      clientConfig.getNetworkConfig().addAddress(location);
      // As Larder's options.near_cache {max_entries: 10000} configures it (NearCache.toConfig).
      clientConfig.addNearCacheConfig(
          new NearCacheConfig("bench-raw-near")
              .setInMemoryFormat(InMemoryFormat.OBJECT)
              .setInvalidateOnChange(true)
              .setTimeToLiveSeconds(60)
              .setEvictionConfig(
                  new EvictionConfig()
                      .setEvictionPolicy(EvictionPolicy.LRU)
                      .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                      .setSize(10_000)));
      rawClient = HazelcastClient.newHazelcastClient(clientConfig);
      raw = rawClient.getMap("bench-raw");
      rawNear = rawClient.getMap("bench-raw-near");
      caffeine = Caffeine.newBuilder().maximumSize(10_000).build();
      String[] keys = new Keys("key", ENTRIES).all();
      for (String key : keys) {
        larder.set(key, Keys.VALUE);
        near.set(key, Keys.VALUE);
        locmem.set(key, Keys.VALUE);
      }
      // The raw calls move the very bytes Larder stores for the value.
      value = larder.unwrap(HazelcastMap.class).map().get(larder.makeKey(keys[0]));
      for (String key : new Keys("raw:1:key", ENTRIES).all()) {
        raw.set(key, value, 300, TimeUnit.SECONDS);
        rawNear.set(key, value, 300, TimeUnit.SECONDS);
        caffeine.put(key, value);
      }
      for (String key : new Keys("raw:1:key", ENTRIES).all()) {
        rawNear.get(key); // fills the near cache
      }
      for (String key : new Keys("key", ENTRIES).all()) {
        near.get(key); // fills the near cache
      }
    }

    @TearDown
    public void stop() {
      caches.close();
      rawClient.shutdown();
      member.shutdown();
    }
  }

  /** Each thread walks its own key sequence. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("key", ENTRIES);
    final Keys rawPresent = new Keys("raw:1:key", ENTRIES);
  }

  @Benchmark
  public Object larderGetHit(Stores s, ThreadKeys k) {
    return s.larder.get(k.present.next());
  }

  @Benchmark
  public byte[] imapGetHit(Stores s, ThreadKeys k) {
    return s.raw.get(k.rawPresent.next());
  }

  @Benchmark
  public void larderSet(Stores s, ThreadKeys k) {
    s.larder.set(k.present.next(), Keys.VALUE);
  }

  /** With the time to live Larder sends for the default timeout. */
  @Benchmark
  public void imapSet(Stores s, ThreadKeys k) {
    s.raw.set(k.rawPresent.next(), s.value, 300, TimeUnit.SECONDS);
  }

  @Benchmark
  public Object larderGetMany10(Stores s) {
    return s.larder.getMany(s.tenKeys);
  }

  @Benchmark
  public Object imapGetAll10(Stores s) {
    return s.raw.getAll(s.tenRawKeys);
  }

  @Benchmark
  public Object larderNearCacheHit(Stores s, ThreadKeys k) {
    return s.near.get(k.present.next());
  }

  /** The raw client's near-cache hit: the floor under {@link #larderNearCacheHit}. */
  @Benchmark
  public byte[] imapNearCacheHit(Stores s, ThreadKeys k) {
    return s.rawNear.get(k.rawPresent.next());
  }

  /** A raw Caffeine hit on the same keys and bytes, for the near cache's own cost beside it. */
  @Benchmark
  public byte[] caffeineGetHit(Stores s, ThreadKeys k) {
    return s.caffeine.getIfPresent(k.rawPresent.next());
  }

  @Benchmark
  public Object larderLocMemHit(Stores s, ThreadKeys k) {
    return s.locmem.get(k.present.next());
  }
}
