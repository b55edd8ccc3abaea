package io.larder.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A chain's settings, as Django-style configuration, and the start-up errors that name the alias.
 */
class ChainConfigurationTest {
  private static Map<String, Object> locmem() {
    return Map.of("BACKEND", "locmem", "LOCATION", "chain-" + UUID.randomUUID());
  }

  private static Caches from(Map<String, Object> caches) {
    return Caches.builder().environment(Map.of()).config(caches).build();
  }

  private static Map<String, Object> config(Object... aliasesAndSettings) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (int i = 0; i < aliasesAndSettings.length; i += 2) {
      config.put((String) aliasesAndSettings[i], aliasesAndSettings[i + 1]);
    }
    return config;
  }

  @Test
  void theSeedsConfigurationWorks() {
    Map<String, Object> config =
        config(
            "memory", locmem(),
            "second", locmem(),
            "default",
                Map.of("BACKEND", "CacheChainBackend", "BACKENDS", List.of("memory", "second")));
    try (Caches caches = from(config)) {
      assertThat(caches.getDefault().unwrap(ChainExtension.class).tiers())
          .containsExactly("memory", "second");
    }
  }

  @Test
  void theDjangoStyleDottedPathSelectsTheChain() {
    Map<String, Object> config =
        config(
            "default",
                Map.of(
                    "BACKEND",
                    "larder.cache.backends.chain.CacheChainBackend",
                    "OPTIONS",
                    Map.of("caches", "memory, second")),
            "memory", locmem(),
            "second", locmem());
    try (Caches caches = from(config)) {
      assertThat(caches.getDefault().unwrap(ChainExtension.class).tiers())
          .containsExactly("memory", "second");
    }
  }

  @Test
  void aChainMayBeATierOfAnotherChain() {
    Map<String, Object> config =
        config(
            "default", Map.of("BACKEND", "chain", "CACHES", List.of("memory", "inner")),
            "inner", Map.of("BACKEND", "chain", "CACHES", List.of("second", "third")),
            "memory", locmem(),
            "second", locmem(),
            "third", locmem());
    try (Caches caches = from(config)) {
      caches.getDefault().set("k", "v");
      assertThat((String) caches.get("inner").get("k")).isEqualTo("v");
      assertThat(caches.aliases()).containsExactly("default", "inner", "memory", "second", "third");
    }
  }

  @Test
  void anUnknownTierIsRefusedNamingTheChainAndTheTier() {
    Map<String, Object> config =
        config(
            "default",
            Map.of("BACKEND", "chain", "CACHES", List.of("memory", "redis")),
            "memory",
            locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("'redis', which is not configured")
        .hasMessageContaining("default, memory");
  }

  @Test
  void aChainThatNamesItselfIsRefused() {
    Map<String, Object> config =
        config(
            "default",
            Map.of("BACKEND", "chain", "CACHES", List.of("memory", "default")),
            "memory",
            locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("options.caches")
        .hasMessageContaining("not the chain itself");
  }

  @Test
  void aChainThatContainsItselfThroughAnotherChainIsRefused() {
    Map<String, Object> config =
        config(
            "default", Map.of("BACKEND", "chain", "CACHES", List.of("memory", "inner")),
            "inner", Map.of("BACKEND", "chain", "CACHES", List.of("second", "default")),
            "memory", locmem(),
            "second", locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default' is built on itself: default -> inner -> default");
  }

  @Test
  void aChainOfOneTierIsRefused() {
    Map<String, Object> config =
        config(
            "default", Map.of("BACKEND", "chain", "CACHES", List.of("memory")), "memory", locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("options.caches")
        .hasMessageContaining("[memory]")
        .hasMessageContaining("at least two");
  }

  @Test
  void aChainWithoutTiersIsRefused() {
    assertThatThrownBy(() -> from(config("default", Map.of("BACKEND", "chain"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("options.caches")
        .hasMessageContaining("at least two");
  }

  @Test
  void aTierNamedTwiceIsRefused() {
    Map<String, Object> config =
        config(
            "default",
            Map.of("BACKEND", "chain", "CACHES", List.of("memory", "memory")),
            "memory",
            locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("each named once");
  }

  @Test
  void cachesAndBackendsTogetherAreRefused() {
    Map<String, Object> config =
        config(
            "default",
                Map.of(
                    "BACKEND", "chain",
                    "CACHES", List.of("memory", "second"),
                    "BACKENDS", List.of("memory", "second")),
            "memory", locmem(),
            "second", locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("caches or BACKENDS, not both");
  }

  @Test
  void aZeroLocalTimeoutIsRefused() {
    Map<String, Object> config =
        config(
            "default",
                Map.of(
                    "BACKEND", "chain",
                    "CACHES", List.of("memory", "second"),
                    "OPTIONS", Map.of("local_timeout", 0)),
            "memory", locmem(),
            "second", locmem());
    assertThatThrownBy(() -> from(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("options.local_timeout")
        .hasMessageContaining("greater than 0");
  }

  /** A chain with {@code key_prefix: shop} over a plain tier and one with {@code tierPrefix}. */
  private static Map<String, Object> shopChainOverATierPrefixed(String tierPrefix) {
    return config(
        "default",
            Map.of(
                "BACKEND", "chain",
                "CACHES", List.of("memory", "second"),
                "KEY_PREFIX", "shop"),
        "memory", locmem(),
        "second",
            Map.of(
                "BACKEND", "locmem",
                "LOCATION", "chain-" + UUID.randomUUID(),
                "KEY_PREFIX", tierPrefix));
  }

  @Test
  void aTierWithAKeyPrefixOtherThanTheChainsIsRefusedNamingTheTier() {
    assertThatThrownBy(() -> from(shopChainOverATierPrefixed("disk")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'second'")
        .hasMessageContaining("'key_prefix' has the value 'disk'")
        .hasMessageContaining("'shop', the key_prefix of the chain 'default'");
  }

  @Test
  void aTierWithTheChainsKeyPrefixIsAccepted() {
    try (Caches caches = from(shopChainOverATierPrefixed("shop"))) {
      assertThat(caches.getDefault().unwrap(ChainExtension.class).tiers())
          .containsExactly("memory", "second");
    }
  }

  @Test
  void anotherBackendStillRefusesAnUnknownSettingBesideBackend() {
    assertThatThrownBy(
            () ->
                from(config("default", Map.of("BACKEND", "locmem", "BACKENDS", List.of("a", "b")))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'BACKENDS'")
        .hasMessageContaining("no such setting");
  }
}
