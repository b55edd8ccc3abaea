package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.Timeout;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mode: embedded}: this JVM is a real member, alone or in a cluster it joins. */
class EmbeddedModeTest {
  private static Caches embedded(String location, int port, String cluster, Map<String, ?> extra) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c -> {
              CacheDefinition d =
                  c.backend("hazelcast")
                      .location(location)
                      .option("mode", "embedded")
                      .option("port", port)
                      .option("cluster_name", cluster);
              extra.forEach(d::option);
            })
        .cache(
            "sessions",
            c ->
                c.backend("hazelcast")
                    .location(location)
                    .option("mode", "embedded")
                    .option("port", port)
                    .option("cluster_name", cluster))
        .build();
  }

  @Test
  void aSingleJvmFormsItsOwnClusterAndItsCachesShareOneMember() {
    int port = TestMembers.freePort();
    try (Caches caches =
        embedded("127.0.0.1:" + port, port, "larder-embedded-" + port, Map.of())) {
      Cache cache = caches.getDefault();
      cache.set("k", "v", Timeout.seconds(60));
      assertThat((String) cache.get("k")).isEqualTo("v");
      assertThat(caches.get("sessions").hasKey("k")).isFalse();
      HazelcastInstance member = cache.unwrap(HazelcastMap.class).instance();
      assertThat(caches.get("sessions").unwrap(HazelcastMap.class).instance()).isSameAs(member);
      assertThat(member.getCluster().getMembers()).hasSize(1);
      assertThat(member.getCluster().getLocalMember().getAddress().getPort()).isEqualTo(port);
    }
  }

  @Test
  void closingTheCachesShutsDownTheMemberLarderStarted() {
    int port = TestMembers.freePort();
    HazelcastInstance member;
    try (Caches caches =
        embedded("127.0.0.1:" + port, port, "larder-embedded-" + port, Map.of())) {
      member = caches.getDefault().unwrap(HazelcastMap.class).instance();
    }
    assertThat(member.getLifecycleService().isRunning()).isFalse();
  }

  @Test
  void maxEntriesAndBackupCountBecomeTheMapsConfiguration() {
    int port = TestMembers.freePort();
    try (Caches caches =
        embedded(
            "127.0.0.1:" + port,
            port,
            "larder-embedded-" + port,
            Map.of("max_entries", 5000, "backup_count", 2))) {
      HazelcastMap hz = caches.getDefault().unwrap(HazelcastMap.class);
      MapConfig config = hz.instance().getConfig().getMapConfig(hz.map().getName());
      assertThat(config.getBackupCount()).isEqualTo(2);
      assertThat(config.getEvictionConfig().getSize()).isEqualTo(5000);
      assertThat(config.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.PER_NODE);
    }
  }

  @Test
  void anEmbeddedMemberJoinsTheMembersOfItsLocation() {
    try (TestMembers cluster = TestMembers.cluster(1)) {
      int port = TestMembers.freePort();
      String location = cluster.location() + ",127.0.0.1:" + port;
      try (Caches caches = embedded(location, port, cluster.clusterName(), Map.of())) {
        Cache cache = caches.getDefault();
        HazelcastInstance member = cache.unwrap(HazelcastMap.class).instance();
        Await.until(
            "the embedded member joined",
            Duration.ofSeconds(30),
            () -> member.getCluster().getMembers().size() == 2);
        cache.set("shared", "by the cluster");
        byte[] stored =
            cluster.member(0).<String, byte[]>getMap("larder-default").get(cache.makeKey("shared"));
        assertThat(stored).isNotNull();
      }
    }
  }
}
