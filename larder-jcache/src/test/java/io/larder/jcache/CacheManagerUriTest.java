package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheManagerUriTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void theProviderIsFoundThroughTheServiceLoader() {
    assertThat(Caching.getCachingProvider()).isInstanceOf(LarderCachingProvider.class);
    assertThat(provider.getDefaultURI()).isEqualTo(URI.create("larder:default"));
  }

  @Test
  void aClasspathUriNamesALarderYmlWhoseAliasesAreCachesByName() {
    CacheManager manager = manager("classpath:jcache-aliases.yml");

    Cache<Object, Object> sessions = manager.getCache("sessions");
    sessions.put("k", "v");

    assertThat(sessions.get("k")).isEqualTo("v");
    assertThat(manager.getCacheNames()).containsExactly("sessions");
    assertThat(manager.unwrap(Caches.class).get("sessions").<String>get("k")).isEqualTo("v");
  }

  @Test
  void aConfiguredAliasExpiresAsItsTimeoutAndStoresAsItsOptionsSay() {
    CacheManager manager = manager("classpath:jcache-aliases.yml");

    CompleteConfiguration<?, ?> sixtySeconds = configuration(manager.getCache("default"));
    CompleteConfiguration<?, ?> never = configuration(manager.getCache("sessions"));

    ExpiryPolicy policy = sixtySeconds.getExpiryPolicyFactory().create();
    assertThat(policy.getExpiryForCreation().getTimeUnit().toSeconds(
            policy.getExpiryForCreation().getDurationAmount()))
        .isEqualTo(60);
    assertThat(sixtySeconds.isStoreByValue()).isTrue();
    assertThat(never.getExpiryPolicyFactory().create().getExpiryForCreation())
        .isEqualTo(Duration.ETERNAL);
    assertThat(never.isStoreByValue()).isFalse();
  }

  @Test
  void aFileUriNamesALarderYml(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("larder.yml");
    Files.writeString(file, "caches:\n  default:\n    backend: locmem\n  books:\n    backend: locmem\n");

    CacheManager manager = provider.getCacheManager(file.toUri(), null);

    assertThat(manager.getCache("books")).isNotNull();
    assertThat(manager.getURI()).isEqualTo(file.toUri());
  }

  @Test
  void aCreatedCacheHasAStoreOfItsOwn() {
    CacheManager manager = manager("classpath:jcache-aliases.yml");
    Cache<String, String> one = manager.createCache("one", new MutableConfiguration<>());
    Cache<String, String> two = manager.createCache("two", new MutableConfiguration<>());

    one.put("k", "1");
    two.put("k", "2");
    two.clear();

    assertThat(one.get("k")).isEqualTo("1");
    assertThat(two.get("k")).isNull();
  }

  @Test
  void createCacheRefusesAConfiguredAliasAndSaysToUseGetCache() {
    CacheManager manager = manager("classpath:jcache-aliases.yml");

    assertThatThrownBy(() -> manager.createCache("sessions", new MutableConfiguration<>()))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("'sessions'")
        .hasMessageContaining("use getCache");
  }

  @Test
  void aTemplateThatIsNoAliasIsRefusedWithTheAliases() {
    Properties properties = new Properties();
    properties.setProperty(LarderJCacheManager.TEMPLATE_PROPERTY, "nowhere");

    assertThatThrownBy(
            () ->
                provider.getCacheManager(
                    URI.create("classpath:jcache-aliases.yml"), null, properties))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("larder.jcache.template")
        .hasMessageContaining("'nowhere'")
        .hasMessageContaining("default, sessions");
  }

  @Test
  void aMissingResourceIsNamed() {
    assertThatThrownBy(() -> manager("classpath:nowhere.yml"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("nowhere.yml");
  }

  @Test
  void anUnknownSchemeIsRefusedWithTheAcceptedForms() {
    assertThatThrownBy(() -> manager("http://example.com/larder.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://example.com/larder.yml")
        .hasMessageContaining("classpath:larder.yml");
  }

  @SuppressWarnings("unchecked")
  private static CompleteConfiguration<Object, Object> configuration(Cache<Object, Object> cache) {
    return cache.getConfiguration(CompleteConfiguration.class);
  }

  private CacheManager manager(String uri) {
    return provider.getCacheManager(URI.create(uri), null);
  }
}
