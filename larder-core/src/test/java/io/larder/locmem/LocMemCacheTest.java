package io.larder.locmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.Cache;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocMemCacheTest extends CacheContractTest {
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
      assertThat(small.unwrap(LocMemCache.class).size()).isLessThanOrEqualTo(30);
      assertThat((String) small.get("cull48")).isEqualTo("value");
    }
  }

  @Test
  void asyncCallsCompleteBeforeReturning() {
    cache.set("key", "value");
    assertThat(cache.async().get("key").isDone()).isTrue();
  }
}
