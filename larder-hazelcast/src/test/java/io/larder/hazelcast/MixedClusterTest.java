package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster where one member process has Larder's classes and the other has the Hazelcast jar
 * alone: the members are asked again whenever one joins or leaves, so the cache takes the entry
 * processors exactly while every member can run them, and counts right throughout.
 */
class MixedClusterTest {
  private static final int STOCK = 1;
  private static MemberProcesses members;
  private static Caches caches;

  @BeforeAll
  static void start() {
    members = MemberProcesses.mixed(1, 1);
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("hazelcast")
                        .location(members.location())
                        .option("cluster_name", members.clusterName())
                        .option("map", "larder-mixed")
                        .option("connect_timeout", 60)
                        .option("operation_timeout", 10))
            .build();
    awaitMembers(2);
  }

  @AfterAll
  static void stop() {
    if (caches != null) {
      caches.close();
    }
    members.close();
  }

  private static void awaitMembers(int count) {
    Await.until(
        count + " members in the cluster",
        Duration.ofSeconds(60),
        () -> {
          caches.getDefault().get("probe");
          return caches
                  .getDefault()
                  .unwrap(HazelcastMap.class)
                  .instance()
                  .getCluster()
                  .getMembers()
                  .size()
              == count;
        });
  }

  private static LarderClasses larderClasses() {
    return caches.getDefault().unwrap(HazelcastStore.class).larderClasses();
  }

  /** Sets 20 counters to 0, adds 1 to each, and checks each holds 1. */
  private static void countOnEveryOwner(Cache cache) {
    for (int i = 0; i < 20; i++) {
      cache.set("counter-" + i, 0, Timeout.seconds(60));
    }
    for (int i = 0; i < 20; i++) {
      assertThat(cache.incr("counter-" + i)).isEqualTo(1);
      assertThat(cache.async().incr("counter-" + i).join()).isEqualTo(2L);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(cache.<Integer>get("counter-" + i)).as("counter-" + i).isEqualTo(2);
    }
  }

  @Test
  void theCacheTakesTheEntryProcessorsExactlyWhileEveryMemberHasThem() {
    Cache cache = caches.getDefault();
    countOnEveryOwner(cache);
    assertThat(larderClasses().known()).as("with a stock member").isFalse();

    members.kill(STOCK);
    awaitMembers(1);
    Await.until(
        "the question asked again", Duration.ofSeconds(30), () -> larderClasses().known() == null);
    countOnEveryOwner(cache);
    assertThat(larderClasses().known()).as("with Larder's member alone").isTrue();

    members.start(STOCK);
    awaitMembers(2);
    // Counting all along: stock calls while the new member owns no partition yet, then for good.
    Await.until(
        "the stock member found",
        Duration.ofSeconds(60),
        () -> {
          countOnEveryOwner(cache);
          return Boolean.FALSE.equals(larderClasses().known());
        });
    countOnEveryOwner(cache);
  }
}
