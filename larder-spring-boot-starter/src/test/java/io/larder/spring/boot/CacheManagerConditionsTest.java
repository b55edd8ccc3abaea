package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.Timeout;
import io.larder.spring.LarderCacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's cache manager follows Boot's own cache support: only where caching is enabled, not
 * with {@code larder.cache-manager.enabled: false}; and {@link LarderCachesCustomizer} beans adjust
 * the caches in code.
 */
class CacheManagerConditionsTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(LarderAutoConfiguration.class, CacheAutoConfiguration.class));

  @Configuration
  @EnableCaching
  static class Caching {}

  @Configuration
  static class Customized {
    @Bean
    LarderCachesCustomizer addsAnAlias() {
      return caches -> caches.cache("from-code", c -> c.backend("locmem").location("from-code"));
    }

    @Bean
    LarderCachesCustomizer overridesATimeout() {
      return caches ->
          caches.cache("default", c -> c.backend("locmem").timeout(Timeout.seconds(42)));
    }
  }

  @Test
  void withoutEnableCachingThereIsNoCacheManagerButTheCachesAreThere() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(CacheManager.class);
          assertThat(context).hasSingleBean(Caches.class);
        });
  }

  @Test
  void withEnableCachingTheCacheManagerIsLarders() {
    runner
        .withUserConfiguration(Caching.class)
        .run(context -> assertThat(context).hasSingleBean(LarderCacheManager.class));
  }

  @Test
  void cacheManagerEnabledFalseLeavesTheCacheManagerToBoot() {
    runner
        .withUserConfiguration(Caching.class)
        .withPropertyValues("larder.cache-manager.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(LarderCacheManager.class);
              assertThat(context).hasSingleBean(Caches.class);
            });
  }

  @Test
  void customizerBeansAdjustTheCachesAndWinOverTheProperties() {
    runner
        .withUserConfiguration(Customized.class)
        .withPropertyValues(
            "larder.caches.default.backend=locmem", "larder.caches.default.timeout=5")
        .run(
            context -> {
              Caches caches = context.getBean(Caches.class);
              assertThat(caches.get("from-code").settings().backend()).contains("locmem");
              assertThat(caches.get("default").settings().timeout()).isEqualTo(Timeout.seconds(42));
            });
  }
}
