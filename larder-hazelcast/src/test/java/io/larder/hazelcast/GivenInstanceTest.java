package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.SerializationException;
import io.larder.Timeout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code HazelcastInstance} the application made, handed in through the builder (a Spring app's
 * bean): Larder uses it, a member or a client, and never shuts it down. The whole contract runs
 * through Larder's own client in {@link ClientModeCacheTest}; the store is the same.
 */
class GivenInstanceTest {
  private final TestMembers members = TestMembers.shared();

  private static Caches given(HazelcastInstance instance) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c -> c.backend("hazelcast").option("instance", instance).option("map", "larder-given"))
        .build();
  }

  @Test
  void aGivenMemberServesTheCacheAndOtherMembersSeeItsWrites() {
    try (Caches caches = given(members.member(0))) {
      Cache cache = caches.getDefault();
      cache.set("k", "v", Timeout.seconds(30));
      assertThat((String) cache.get("k")).isEqualTo("v");
    }
    assertThat(members.member(2).<String, byte[]>getMap("larder-given").get(":1:k")).isNotNull();
  }

  @Test
  void aGivenClientServesTheCache() {
    try (Caches caches = given(members.client())) {
      Cache cache = caches.getDefault();
      cache.set("counter", 41);
      assertThat(cache.incr("counter")).isEqualTo(42);
    }
  }

  @Test
  void closingTheCachesLeavesAGivenInstanceRunning() {
    HazelcastInstance member = members.member(0);
    try (Caches caches = given(member)) {
      caches.getDefault().set("k", "v");
    }
    assertThat(member.getLifecycleService().isRunning()).isTrue();
    assertThat(members.client().getLifecycleService().isRunning()).isTrue();
  }

  @Test
  void aValueOverMaxValueSizeIsRefusedAndTheOldValueKept() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("hazelcast")
                        .option("instance", members.member(0))
                        .option("map", "larder-given")
                        .option("max_value_size", 1000))
            .build()) {
      Cache cache = caches.getDefault();
      cache.set("big", "small");
      assertThatThrownBy(() -> cache.set("big", "x".repeat(2000)))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("max_value_size");
      assertThat((String) cache.get("big")).isEqualTo("small");
    }
  }

  @Test
  void bytesThatAreNotAValueReadAsAMiss() {
    try (Caches caches = given(members.member(0))) {
      Cache cache = caches.getDefault();
      members.member(1).<String, byte[]>getMap("larder-given").set(cache.makeKey("bad"), new byte[] {1, 2, 3});
      assertThat((Object) cache.get("bad", "default")).isEqualTo("default");
      assertThat(cache.stats().corruptReads()).isEqualTo(1);
    }
  }
}
