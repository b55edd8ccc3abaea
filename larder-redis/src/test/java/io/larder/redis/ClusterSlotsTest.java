package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-key operations on a three-primary cluster: keys of one call live on different nodes, so
 * MGET, DEL and the SET pipeline are split by hash slot and SCAN visits every primary.
 */
class ClusterSlotsTest {
  private RedisServers.Cluster cluster;
  private Caches caches;
  private Cache cache;
  private final Map<String, Integer> values = new LinkedHashMap<>();

  @BeforeEach
  void open() {
    cluster = RedisServers.cluster();
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("redis")
                        .locations(cluster.seedUrls())
                        .option("cluster", true)
                        .keyPrefix("slots"))
            .cache(
                "other",
                c ->
                    c.backend("redis")
                        .locations(cluster.seedUrls())
                        .option("cluster", true)
                        .keyPrefix("kept"))
            .build();
    cache = caches.getDefault();
    IntStream.range(0, 60).forEach(i -> values.put("key-" + i, i));
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.get("other").clear();
    caches.close();
  }

  private static long keysOn(RedisServer node) {
    return Long.parseLong(node.command("DBSIZE"));
  }

  @Test
  void oneSetManySpreadsItsKeysOverEveryPrimary() {
    assertThat(cache.setMany(values)).isEmpty();
    for (RedisServer node : cluster.nodes()) {
      assertThat(keysOn(node)).as(node.address()).isPositive();
    }
  }

  @Test
  void getManyReadsKeysOfEverySlotInTheOrderGiven() {
    cache.setMany(values);
    List<String> keys = new ArrayList<>(values.keySet());
    Collections.reverse(keys);
    Map<String, Integer> found = cache.getMany(keys);
    assertThat(List.copyOf(found.keySet())).isEqualTo(keys);
    assertThat(found).isEqualTo(values);
  }

  @Test
  void deleteManyRemovesKeysOfEverySlot() {
    cache.setMany(values);
    cache.deleteMany(values.keySet());
    assertThat(cache.getMany(values.keySet())).isEmpty();
  }

  @Test
  void clearScansEveryPrimaryAndKeepsOtherPrefixes() {
    cache.setMany(values);
    caches.get("other").setMany(values);
    cache.clear();
    assertThat(cache.getMany(values.keySet())).isEmpty();
    assertThat(caches.get("other").getMany(values.keySet())).hasSize(values.size());
  }

  @Test
  void keysAndDeletePatternSeeEveryPrimary() {
    cache.setMany(values);
    RedisExtension redis = cache.unwrap(RedisExtension.class);
    assertThat(redis.keys("key-*")).hasSize(values.size());
    assertThat(redis.deletePattern("key-1*")).isEqualTo(11);
  }

  @Test
  void seedNodesWithoutTheClusterOptionAreFoundToBeACluster() {
    try (Caches detected =
        RedisCaches.of(c -> c.locations(cluster.seedUrls()).keyPrefix("slots"))) {
      Cache seeds = detected.getDefault();
      assertThat(seeds.setMany(values)).isEmpty();
      assertThat(seeds.getMany(values.keySet())).isEqualTo(values);
    }
  }

  @Test
  void oneSeedNodeIsEnoughToFindTheCluster() {
    String seed = cluster.seedUrls().get(1);
    try (Caches detected = RedisCaches.of(c -> c.location(seed).keyPrefix("slots"))) {
      Cache seeded = detected.getDefault();
      assertThat(seeded.setMany(values)).isEmpty();
      assertThat(seeded.getMany(values.keySet())).isEqualTo(values);
    }
  }
}
