package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.locmem.LocMemStore;
import java.net.URI;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keys a cache remembers for its iterator stay bounded by its live entries. */
class RememberedKeysTest {
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
}
