package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.nearcache.NearCacheStats;
import io.larder.Cache;
import io.larder.Caches;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code options.near_cache}: Hazelcast's near cache in Larder's client, on the shared 3-member
 * cluster. A write through another client invalidates the near copy; the test records how long
 * that took (the test members send invalidations at once; Hazelcast's default batches them).
 */
class NearCacheTest {
  private static final TestMembers members = TestMembers.shared();
  private static final String MAP = "larder-near";
  private static Caches near;
  private static Caches elsewhere;

  /** Caches of the shared cluster; a different operation_timeout means a client of its own. */
  private static Caches caches(Object nearCache, int operationTimeout) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend("hazelcast")
                    .location(members.location())
                    .option("cluster_name", members.clusterName())
                    .option("map", MAP)
                    .option("operation_timeout", operationTimeout)
                    .option("near_cache", nearCache))
        .build();
  }

  @BeforeAll
  static void open() {
    near = caches(Map.of("max_entries", 1000, "timeout", 60, "invalidate", true), 7);
    elsewhere = caches(false, 9);
    awaitInvalidations();
  }

  /**
   * The near cache's invalidation listener registers asynchronously on each member when the map is
   * first used; a change made on a member before that reaches the near copy only by reconciliation
   * (60 s). Waits until another client's writes invalidate near copies of keys spread over every
   * member's partitions.
   */
  private static void awaitInvalidations() {
    for (int i = 0; i < 30; i++) {
      String key = "warm-up-" + i;
      AtomicInteger written = new AtomicInteger();
      elsewhere.getDefault().set(key, 0);
      near.getDefault().get(key); // the near copy, 0
      Await.until(
          "invalidations of " + key + " reach the near cache",
          Duration.ofSeconds(30),
          () -> {
            int last = written.get();
            if (last > 0 && Integer.valueOf(last).equals(near.getDefault().get(key))) {
              return true;
            }
            elsewhere.getDefault().set(key, written.incrementAndGet());
            return false;
          });
    }
  }

  @AfterAll
  static void close() {
    near.close();
    elsewhere.close();
  }

  private static NearCacheStats stats() {
    return near.getDefault().unwrap(HazelcastMap.class).map().getLocalMapStats().getNearCacheStats();
  }

  @Test
  void aSecondReadIsServedByTheNearCache() {
    Cache cache = near.getDefault();
    cache.set("hot", "value");
    cache.get("hot");
    long hits = stats().getHits();
    assertThat((String) cache.get("hot")).isEqualTo("value");
    assertThat(stats().getHits()).isEqualTo(hits + 1);
  }

  @Test
  void aWriteThroughAnotherClientInvalidatesTheNearCopy() {
    Cache cache = near.getDefault();
    cache.set("shared", "old");
    assertThat((String) cache.get("shared")).isEqualTo("old");
    assertThat((String) cache.get("shared")).isEqualTo("old");

    long start = System.nanoTime();
    elsewhere.getDefault().set("shared", "new");
    Await.until(
        "the near copy was invalidated",
        Duration.ofSeconds(10),
        () -> "new".equals(cache.get("shared")));
    System.out.printf(
        "near cache: a write through another client was seen after %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void aDeleteThroughAnotherClientInvalidatesTheNearCopy() {
    Cache cache = near.getDefault();
    cache.set("doomed", "here");
    cache.get("doomed");
    elsewhere.getDefault().delete("doomed");
    Await.until(
        "the deleted key's near copy was invalidated",
        Duration.ofSeconds(10),
        () -> !cache.hasKey("doomed") && cache.get("doomed") == null);
  }

  @Test
  void incrThroughTheNearCacheIsNotFooledByAStaleCopy() {
    Cache cache = near.getDefault();
    cache.set("count", 1);
    cache.get("count");
    elsewhere.getDefault().set("count", 100);
    assertThat(cache.incr("count")).isEqualTo(101);
  }
}
