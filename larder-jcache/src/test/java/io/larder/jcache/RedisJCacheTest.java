package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JCache on a real redis-server: where its entries are, and how long they live there. */
class RedisJCacheTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());
  private final RedisServer server = RedisServers.standalone();
  private final String name = "books-" + UUID.randomUUID();
  private CacheManager manager;

  @BeforeEach
  void openManager(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("larder.yml");
    Files.writeString(
        file,
        "caches:\n  default:\n    backend: redis\n    location: " + server.url(0) + "\n");
    manager = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
  }

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void aCreatedCacheStoresUnderItsNameAsKeyPrefixAndDjangosKeyForm() {
    Cache<String, String> books =
        manager.createCache(name, new MutableConfiguration<String, String>());

    books.put("isbn:978", "K&R");

    assertThat(server.command("EXISTS", name + ":1:isbn:978")).isEqualTo("1");
  }

  @Test
  void theStoresTimeToLiveIsTheCreationExpiry() {
    Cache<String, String> books =
        manager.createCache(
            name,
            new MutableConfiguration<String, String>()
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_MINUTE)));

    books.put("isbn:978", "K&R");

    long millis = Long.parseLong(server.command("PTTL", name + ":1:isbn:978"));
    assertThat(millis).isPositive().isLessThanOrEqualTo(60_000);
  }

  @Test
  void anEternalEntryHasNoTimeToLiveInTheStore() {
    Cache<String, String> books =
        manager.createCache(
            name,
            new MutableConfiguration<String, String>()
                .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf()));

    books.put("isbn:978", "K&R");

    assertThat(server.command("PTTL", name + ":1:isbn:978")).isEqualTo("-1");
  }

  @Test
  void storeByReferenceIsRefusedNamingTheTemplate() {
    MutableConfiguration<String, String> byReference =
        new MutableConfiguration<String, String>().setStoreByValue(false);

    assertThatThrownBy(() -> manager.createCache(name, byReference))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("template alias 'default'")
        .hasMessageContaining("setStoreByValue(true)");
  }

  @Test
  void aListenerOnKeysOtherProcessesCannotNameIsRefusedNamingTheOption() {
    assertThatThrownBy(
            () ->
                manager.createCache(
                    name, ListenerReachTest.withListener(new CreatedListener<>())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("only for String or Object keys, not java.lang.Long")
        .hasMessageContaining("options.jcache_local_listeners: true");
  }

  @Test
  void theOptionAcceptsAListenerOnKeysOtherProcessesCannotName(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("local-listeners.yml");
    Files.writeString(
        file,
        "caches:\n  default:\n    backend: redis\n    location: " + server.url(0)
            + "\n    options: {jcache_local_listeners: true}\n");
    CacheManager local = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
    CreatedListener<Long, String> listener = new CreatedListener<>();

    Cache<Long, String> numbers =
        local.createCache(name, ListenerReachTest.withListener(listener));
    numbers.put(1L, "one");

    assertThat(listener.created).containsExactly(1L);
  }

  @Test
  void aListenerOnStringKeysHearsEveryProcessWithoutTheOption() {
    CreatedListener<String, String> listener = new CreatedListener<>();

    Cache<String, String> books =
        manager.createCache(
            name,
            new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .addCacheEntryListenerConfiguration(CreatedListener.of(listener)));
    books.put("isbn:978", "K&R");

    assertThat(listener.created).containsExactly("isbn:978");
  }
}
