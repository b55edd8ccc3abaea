package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry listeners are refused where they would hear only this process's changes of a store other
 * processes share, unless {@code jcache_local_listeners} accepts that; local memory hears them all.
 * (Redis: {@link RedisJCacheTest}.)
 */
class ListenerReachTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());

  @TempDir Path dir;

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void localMemoryTakesListenersOnAnyKeyWithoutTheOption() {
    CacheManager manager =
        provider.getCacheManager(URI.create("classpath:jcache-bounded.yml"), null);
    CreatedListener<Long, String> listener = new CreatedListener<>();

    Cache<Long, String> cache = manager.createCache("numbers", withListener(listener));
    cache.put(1L, "one");

    assertThat(listener.created).containsExactly(1L);
  }

  @Test
  void aSharedStoreWithoutEventsRefusesAListenerNamingTheOption() throws IOException {
    CacheManager manager = filebased("");

    assertThatThrownBy(() -> manager.createCache("numbers", withListener(new CreatedListener<>())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'numbers'")
        .hasMessageContaining("filebased backend carries no entry events")
        .hasMessageContaining("options.jcache_local_listeners: true on the alias 'default'");
    assertThat(manager.getCacheNames()).isEmpty();
  }

  @Test
  void aSharedStoreWithoutEventsRefusesAListenerRegisteredLater() throws IOException {
    Cache<Long, String> cache =
        filebased("")
            .createCache(
                "numbers",
                new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));

    assertThatThrownBy(
            () -> cache.registerCacheEntryListener(CreatedListener.of(new CreatedListener<>())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("jcache_local_listeners");
  }

  @Test
  void theOptionAcceptsListenersOfThisProcessOnly() throws IOException {
    CreatedListener<Long, String> listener = new CreatedListener<>();

    Cache<Long, String> cache =
        filebased("    options: {jcache_local_listeners: true}\n")
            .createCache("numbers", withListener(listener));
    cache.put(1L, "one");

    assertThat(listener.created).containsExactly(1L);
  }

  private CacheManager filebased(String options) throws IOException {
    Path file = dir.resolve("larder.yml");
    Files.writeString(
        file,
        "caches:\n  default:\n    backend: filebased\n    location: "
            + dir.resolve("store")
            + "\n"
            + options);
    return provider.getCacheManager(file.toUri(), getClass().getClassLoader());
  }

  static MutableConfiguration<Long, String> withListener(CreatedListener<Long, String> listener) {
    return new MutableConfiguration<Long, String>()
        .setTypes(Long.class, String.class)
        .addCacheEntryListenerConfiguration(CreatedListener.of(listener));
  }
}
