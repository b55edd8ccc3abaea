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
 * What the JCache layer holds stays bounded: the keys a cache remembers for its iterator, by its
 * live entries; a created cache's local-memory store, by the cache's life (it is released, entries
 * and all, as the cache closes: the location is the cache's alone, and nothing reaches it again).
 */
class HeldMemoryTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void keysEvictedByABoundedStoreAreForgotten() {
    Cache<Long, String> cache =
        provider
            .getCacheManager(URI.create("classpath:jcache-bounded.yml"), null)
            .createCache(
                "bounded",
                new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));

    for (long i = 0; i < 20_000; i++) {
      cache.put(i, "value");
    }

    assertThat(cache.unwrap(LarderJCache.class).rememberedKeys()).isLessThanOrEqualTo(2 * 1024);
    // Caffeine evicts on a background thread: the store's size settles its pending evictions, so
    // the iteration below counts the bounded store, not a moment of a loaded machine.
    assertThat(cache.unwrap(io.larder.Cache.class).unwrap(LocMemStore.class).size())
        .isLessThanOrEqualTo(100);
    int iterated = 0;
    for (Cache.Entry<Long, String> ignored : cache) {
      iterated++;
    }
    assertThat(iterated).isLessThanOrEqualTo(100);
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
