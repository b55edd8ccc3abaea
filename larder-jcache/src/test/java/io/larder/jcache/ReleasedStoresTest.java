package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.locmem.LocMemStore;
import java.net.URI;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A created cache's local-memory store is released, entries and all, as the cache closes: the
 * location is the cache's alone, and nothing reaches it again.
 */
class ReleasedStoresTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void closingACreatedCacheReleasesItsStore() {
    CacheManager manager = localMemory();
    String location = filledLocation(manager, "closed");

    manager.getCache("closed").close();

    assertThat(entriesAt(location)).isZero();
  }

  @Test
  void closingTheManagerReleasesTheStoresOfItsCreatedCaches() {
    CacheManager manager = localMemory();
    String location = filledLocation(manager, "closed");

    manager.close();

    assertThat(entriesAt(location)).isZero();
  }

  /** A manager on local memory, whichever backend the default configuration has in this run. */
  private CacheManager localMemory() {
    return provider.getCacheManager(URI.create("classpath:jcache-bounded.yml"), null);
  }

  private static String filledLocation(CacheManager manager, String name) {
    Cache<String, String> cache =
        manager.createCache(
            name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    cache.put("kept", "value");
    String location = cache.unwrap(io.larder.Cache.class).settings().location();
    assertThat(entriesAt(location)).isEqualTo(1);
    return location;
  }

  /** The entries another cache finds at {@code location}: the store if it is still held. */
  private static long entriesAt(String location) {
    try (Caches other =
        Caches.builder()
            .environment(Map.of())
            .cache(
                Caches.DEFAULT_ALIAS,
                definition -> definition.backend("locmem").location(location))
            .build()) {
      return other.get(Caches.DEFAULT_ALIAS).unwrap(LocMemStore.class).size();
    }
  }
}
