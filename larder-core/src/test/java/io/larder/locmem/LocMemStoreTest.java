package io.larder.locmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.Cache;
import io.larder.StandardError;
import io.larder.Timeout;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocMemStoreTest extends CacheContractTest {
  private final String location = "locmem-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("locmem").location(location);
  }

  @Override
  protected boolean storesCopies() {
    return false;
  }

  private Caches build(String location, int maxEntries) {
    return Caches.builder()
        .environment(Map.of())
        .clock(clock)
        .cache("default", c -> c.backend("locmem").location(location).option("max_entries", maxEntries))
        .build();
  }

  @Test
  void cachesWithTheSameLocationShareAStore() {
    try (Caches other = build(location, 300)) {
      cache.set("shared", "value");
      assertThat((String) other.getDefault().get("shared")).isEqualTo("value");
    }
  }

  @Test
  void cachesWithDifferentLocationsAreIsolated() {
    try (Caches other = build(location + "-other", 300)) {
      cache.set("isolated", "value");
      assertThat(other.getDefault().hasKey("isolated")).isFalse();
    }
  }

  // Django culls a third of its LRU entries when full; Caffeine evicts by W-TinyLFU to stay within
  // max_entries, so the contract here is the bound, not Django's exact survivors.
  @Test
  void theStoreHoldsAtMostMaxEntries() {
    try (Caches bounded = build("bounded-" + UUID.randomUUID(), 30)) {
      Cache small = bounded.getDefault();
      for (int i = 0; i < 49; i++) {
        small.set("cull" + i, "value");
      }
      assertThat(small.unwrap(LocMemStore.class).size()).isLessThanOrEqualTo(30);
      assertThat((String) small.get("cull48")).isEqualTo("value");
    }
  }

  // Django culls a shared store by the bound of the cache that writes; the first cache's bound used
  // to apply to all, so this second cache kept 49 entries.
  @Test
  void eachCacheSharingAStoreIsBoundByItsOwnMaxEntries() {
    String shared = "shared-bound-" + UUID.randomUUID();
    try (Caches large = build(shared, 300);
        Caches small = build(shared, 30)) {
      Cache bounded = small.getDefault();
      for (int i = 0; i < 49; i++) {
        bounded.set("cull" + i, "value");
      }
      assertThat(bounded.unwrap(LocMemStore.class).size()).isLessThanOrEqualTo(30);
      for (int i = 0; i < 100; i++) {
        large.getDefault().set("keep" + i, "value");
      }
      assertThat(large.getDefault().unwrap(LocMemStore.class).size()).isGreaterThan(30);
    }
  }

  // A made key is one entry whoever made it: these pin that caches sharing a store agree on keys.
  @Test
  void aMadeKeyFromACustomKeyFunctionFindsTheSameEntryAsDjangosKey() {
    try (Caches custom =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache(
                "default",
                c -> c.backend("locmem").location(location).keyFunction((k, p, v) -> ":1:" + k))
            .build()) {
      cache.set("shared", "by Django's key function");
      assertThat((String) custom.getDefault().get("shared")).isEqualTo("by Django's key function");
      custom.getDefault().set("other", "by the custom one");
      assertThat((String) cache.get("other")).isEqualTo("by the custom one");
    }
  }

  @Test
  void aPrefixHoldingColonsMakesTheSameKeyAsItsSpelledOutForm() {
    try (Caches prefixed =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache("default", c -> c.backend("locmem").location(location).keyPrefix("a"))
            .cache("ab", c -> c.backend("locmem").location(location).keyPrefix("a:1:b"))
            .build()) {
      prefixed.get("ab").set("x", "value");
      Cache a = prefixed.getDefault();
      assertThat(prefixed.get("ab").makeKey("x")).isEqualTo(a.makeKey("b:1:x"));
      assertThat((String) a.get("b:1:x")).isEqualTo("value");
    }
  }

  @Test
  void aCustomKeyFunctionStoresOneEntryPerKeyAndNothingElse() {
    String own = "heads-" + UUID.randomUUID();
    try (Caches custom =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache("default", c -> c.backend("locmem").location(own).keyFunction((k, p, v) -> k))
            .build()) {
      for (int i = 0; i < 100; i++) {
        custom.getDefault().set("user:" + i + ":profile", i);
      }
      assertThat((Integer) custom.getDefault().get("user:7:profile")).isEqualTo(7);
      assertThat(custom.getDefault().unwrap(LocMemStore.class).size()).isEqualTo(100);
    }
  }

  @Test
  void versionsOfOneKeyAreSeparateEntriesThatEachCountTowardsMaxEntries() {
    try (Caches bounded = build("versions-" + UUID.randomUUID(), 300)) {
      Cache small = bounded.getDefault();
      small.set("key", "one");
      small.withVersion(2).set("key", "two");
      assertThat((String) small.get("key")).isEqualTo("one");
      assertThat((String) small.withVersion(2).get("key")).isEqualTo("two");
      assertThat(small.unwrap(LocMemStore.class).size()).isEqualTo(2);
      small.delete("key");
      assertThat((String) small.withVersion(2).get("key")).isEqualTo("two");
      assertThat(small.unwrap(LocMemStore.class).size()).isEqualTo(1);
    }
  }

  @Test
  void anExpiredEntryIsRemovedWhenRead() {
    try (Caches timed = build("expired-" + UUID.randomUUID(), 300)) {
      Cache small = timed.getDefault();
      small.set("brief", "value", Timeout.seconds(1));
      small.set("lasting", "value");
      clock.advanceSeconds(2);
      assertThat((Object) small.get("brief")).isNull();
      assertThat(small.unwrap(LocMemStore.class).size()).isEqualTo(1);
    }
  }

  // Issue 16: Django's warning is shown once per place by Python's warnings filter; a log line on
  // every call flooded the log of an application using one bad key per request. So each bad key
  // is reported once per interval, found or not, and again once the interval has passed.
  @Test
  void anInvalidKeyIsReportedOncePerKeyPerIntervalFoundOrNot() {
    String warnings =
        StandardError.of(
            () -> {
              cache.set("has space", 1);
              cache.get("has space");
              cache.get("has space");
              cache.get("absent space");
              cache.get("absent space");
              cache.get("valid");
            });
    assertThat(warnings.split("Cache key contains characters", -1)).hasSize(3);
    assertThat(warnings).contains("has space").contains("absent space");
  }

  @Test
  void anInvalidKeyIsReportedAgainOnceTheIntervalHasPassed() {
    String warnings =
        StandardError.of(
            () -> {
              cache.get("has space");
              clock.advanceSeconds(30);
              cache.get("has space");
              clock.advanceSeconds(31);
              cache.get("has space");
              cache.get("has space");
            });
    assertThat(warnings.split("Cache key contains characters", -1)).hasSize(3);
  }

  @Test
  void aValidKeyIsNotReported() {
    String warnings =
        StandardError.of(
            () -> {
              cache.set("valid", 1);
              cache.get("valid");
              cache.get("absent");
            });
    assertThat(warnings).doesNotContain("Cache key");
  }

  /** What {@code action} writes to standard error, where the tests' logger writes. */
  @Test
  void asyncCallsCompleteBeforeReturning() {
    cache.set("key", "value");
    assertThat(cache.async().get("key").isDone()).isTrue();
  }
}
