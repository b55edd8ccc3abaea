package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Wrong settings fail when the caches are built, naming the alias, setting, value and remedy. */
class HazelcastSettingsTest {
  private static void build(Consumer<CacheDefinition> settings) {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> settings.accept(c.backend("hazelcast")))
            .build()) {
      caches.getDefault();
    }
  }

  @Test
  void clientModeNeedsTheMembersAddresses() {
    assertThatThrownBy(() -> build(c -> {}))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("'location'")
        .hasMessageContaining("10.0.0.1:5701,10.0.0.2:5701");
  }

  @Test
  void anAddressWithABadPortIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("10.0.0.1:5701,10.0.0.2:99999")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'location'")
        .hasMessageContaining("'10.0.0.2:99999'")
        .hasMessageContaining("host:port");
  }

  @Test
  void anUnbracketedIpv6AddressWithAPortIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("::1:5701")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("[::1]:5701");
  }

  @Test
  void anUnknownModeIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("127.0.0.1").option("mode", "server")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.mode")
        .hasMessageContaining("'server'")
        .hasMessageContaining("client or embedded");
  }

  @Test
  void anInstanceThatIsNotAHazelcastInstanceIsRejected() {
    assertThatThrownBy(() -> build(c -> c.option("instance", "my-hazelcast")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.instance")
        .hasMessageContaining("com.hazelcast.core.HazelcastInstance");
  }

  @Test
  void maxEntriesInClientModeSaysTheClusterBoundsTheMap() {
    assertThatThrownBy(() -> build(c -> c.location("127.0.0.1").option("max_entries", 1000)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.max_entries")
        .hasMessageContaining("1000")
        .hasMessageContaining("cluster's own map configuration");
  }

  @Test
  void aNearCacheWithAnUnknownKeyIsRejected() {
    assertThatThrownBy(
            () -> build(c -> c.location("127.0.0.1").option("near_cache", Map.of("size", 10))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.near_cache")
        .hasMessageContaining("unknown key 'size'")
        .hasMessageContaining("max_entries");
  }

  @Test
  void aNearCacheWithANegativeTimeoutIsRejected() {
    assertThatThrownBy(
            () -> build(c -> c.location("127.0.0.1").option("near_cache", Map.of("timeout", -1))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.near_cache")
        .hasMessageContaining("timeout (whole seconds, 0 for no limit)");
  }

  @Test
  void aBlankClusterNameIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("127.0.0.1").option("cluster_name", " ")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.cluster_name");
  }

  @Test
  void anOperationTimeoutOutOfRangeIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("127.0.0.1").option("operation_timeout", 0)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.operation_timeout")
        .hasMessageContaining("an integer from 1 to 3600");
  }

  @Test
  void anUnknownEntryProcessorsValueIsRejected() {
    assertThatThrownBy(
            () -> build(c -> c.location("127.0.0.1").option("entry_processors", "sometimes")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.entry_processors")
        .hasMessageContaining("'sometimes'")
        .hasMessageContaining("auto (entry processors while every member has the larder-hazelcast");
  }

  @Test
  void connectionSettingsBesideAGivenInstanceAreRejected() {
    TestMembers members = TestMembers.shared();
    assertThatThrownBy(
            () ->
                build(
                    c -> c.option("instance", members.member(0)).option("cluster_name", "other")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.cluster_name")
        .hasMessageContaining("configure it on that HazelcastInstance");
  }

  @Test
  void anUnknownOptionIsRejected() {
    assertThatThrownBy(() -> build(c -> c.location("127.0.0.1").option("members", "x")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("members");
  }
}
