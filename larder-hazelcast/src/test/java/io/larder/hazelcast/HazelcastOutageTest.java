package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheStats;
import io.larder.Caches;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole cluster down, for real: its only member is stopped and started again on the same port.
 * A cache that fails open misses, drops writes and counts them, and recovers without a restart; one
 * that does not fail open raises an error naming the cluster; a cluster that never answers is
 * reported within the connect timeout.
 */
class HazelcastOutageTest {
  private static TestMembers cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestMembers.cluster(1);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static Caches caches(String location, String clusterName, boolean failOpen) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend("hazelcast")
                    .location(location)
                    .option("cluster_name", clusterName)
                    .option("connect_timeout", 1)
                    .option("operation_timeout", 1)
                    .option("ignore_exceptions", failOpen)
                    .option("circuit_breaker_interval", 0.2))
        .build();
  }

  @Test
  void aCacheThatFailsOpenMissesAndDropsWritesWhileTheClusterIsDownAndRecovers() {
    try (Caches caches = caches(cluster.location(), cluster.clusterName(), true)) {
      Cache cache = caches.getDefault();
      cache.set("k", "before");
      assertThat((String) cache.get("k")).isEqualTo("before");

      cluster.kill(0);
      CacheStats before = cache.stats();
      assertThat((Object) cache.get("k")).isNull();
      cache.set("k", "during");
      assertThat(cache.add("other", 1)).isFalse();
      assertThat(cache.getMany(List.of("k", "other"))).isEmpty();
      assertThat(cache.async().get("k").join()).isNull();
      cache.async().set("k", "during").join();
      assertThat(cache.async().add("other", 1).join()).isFalse();
      assertThat(cache.stats().errors() - before.errors()).isPositive();

      cluster.startMember(0);
      Await.until(
          "the cache writes again after the cluster came back",
          Duration.ofSeconds(30),
          () -> {
            cache.set("k", "after");
            return "after".equals(cache.get("k"));
          });
    }
  }

  @Test
  void aCacheThatDoesNotFailOpenRaisesAnErrorNamingTheCluster() {
    try (TestMembers lonely = TestMembers.cluster(1);
        Caches caches = caches(lonely.location(), lonely.clusterName(), false)) {
      Cache cache = caches.getDefault();
      cache.set("k", "v");
      lonely.kill(0);
      assertThatThrownBy(() -> cache.get("k"))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("Cache 'default'")
          .hasMessageContaining(lonely.clusterName())
          .hasMessageContaining(lonely.location());
    }
  }

  @Test
  void aClusterNobodyAnswersForIsReportedWithinTheConnectTimeout() {
    String nowhere = "127.0.0.1:" + TestMembers.freePort();
    try (Caches caches = caches(nowhere, "dev", false)) {
      assertThatThrownBy(() -> caches.getDefault().get("k"))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("the Hazelcast cluster 'dev' at " + nowhere)
          .hasMessageContaining("accepted no connection within 1000 ms")
          .hasMessageContaining("cluster name");
    }
  }

  /** The call waits for the first connection without a thread: the caller has its future at once. */
  @Test
  void anAsyncCallToAClusterNobodyAnswersForFailsItsFutureWithinTheConnectTimeout() {
    String nowhere = "127.0.0.1:" + TestMembers.freePort();
    try (Caches caches = caches(nowhere, "dev", false)) {
      CompletableFuture<Object> answer = caches.getDefault().async().get("k");
      assertThat(answer).isNotDone();
      assertThatThrownBy(answer::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("the Hazelcast cluster 'dev' at " + nowhere)
          .hasMessageContaining("accepted no connection within 1000 ms");
    }
  }

  @Test
  void aWrongClusterNameIsReportedWithinTheConnectTimeout() {
    try (Caches caches = caches(cluster.location(), "not-" + cluster.clusterName(), false)) {
      assertThatThrownBy(() -> caches.getDefault().set("k", "v"))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("'not-" + cluster.clusterName() + "'")
          .hasMessageContaining("cluster name matches");
    }
  }

  @Test
  void theApplicationStartsWhileTheClusterIsDown() {
    String nowhere = "127.0.0.1:" + TestMembers.freePort();
    try (Caches caches = caches(nowhere, "dev", true)) {
      assertThat((Object) caches.getDefault().get("k")).isNull();
    }
  }
}
