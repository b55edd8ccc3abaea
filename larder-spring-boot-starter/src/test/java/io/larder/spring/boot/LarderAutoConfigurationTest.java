package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheSettings;
import io.larder.Caches;
import io.larder.OperationTimer;
import io.larder.Timeout;
import io.larder.spring.LarderCacheManager;
import io.larder.thymeleaf.FragmentCacheDialect;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.thymeleaf.TemplateEngine;

/** The auto-configuration in application contexts made for each test, without a server. */
class LarderAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LarderAutoConfiguration.class,
                  LarderWebAutoConfiguration.class,
                  LarderMetricsAutoConfiguration.class,
                  LarderThymeleafAutoConfiguration.class,
                  CacheAutoConfiguration.class))
          .withUserConfiguration(Caching.class);

  @Configuration
  @EnableCaching
  static class Caching {}

  @Configuration
  @EnableCaching
  static class OwnCacheManager {
    @Bean
    CacheManager cacheManager() {
      return new ConcurrentMapCacheManager("mine");
    }
  }

  @Test
  void withNoSettingsDefaultIsALocalMemoryCacheAsInDjango() {
    runner.run(
        context -> {
          Caches caches = context.getBean(Caches.class);
          assertThat(caches.aliases()).containsExactly("default");
          assertThat(caches.getDefault().settings().backend()).isEqualTo("locmem");
        });
  }

  @Test
  void cachesAreReadFromLarderCachesInDjangosSpelling() {
    runner
        .withPropertyValues(
            "larder.caches.default.BACKEND=django.core.cache.backends.locmem.LocMemCache",
            "larder.caches.default.TIMEOUT=60",
            "larder.caches.default.KEY_PREFIX=shop",
            "larder.caches.default.OPTIONS.MAX_ENTRIES=10")
        .run(
            context -> {
              CacheSettings settings = context.getBean(Caches.class).getDefault().settings();
              assertThat(settings.timeout()).isEqualTo(Timeout.seconds(60));
              assertThat(settings.keyPrefix()).isEqualTo("shop");
              assertThat(settings.maxEntries()).isEqualTo(10);
            });
  }

  @Test
  void kebabCaseNamesAreReadAsDjangosAndAnEmptyTimeoutIsNever() {
    runner
        .withPropertyValues(
            "larder.caches.default.backend=locmem",
            "larder.caches.default.key-prefix=shop",
            "larder.caches.default.timeout=",
            "larder.caches.default.options.max-entries=20")
        .run(
            context -> {
              CacheSettings settings = context.getBean(Caches.class).getDefault().settings();
              assertThat(settings.keyPrefix()).isEqualTo("shop");
              assertThat(settings.timeout()).isEqualTo(Timeout.NEVER);
              assertThat(settings.maxEntries()).isEqualTo(20);
            });
  }

  @Test
  void lardersEnvironmentVariablesOverrideSettingsByLardersRules() {
    runner
        .withPropertyValues(
            "larder.caches.default.backend=locmem", "larder.caches.default.timeout=60")
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of(
                                "LARDER_CACHES_DEFAULT_KEY_PREFIX", "fromenv",
                                "LARDER_CACHES_DEFAULT_TIMEOUT", "30"))))
        .run(
            context -> {
              CacheSettings settings = context.getBean(Caches.class).getDefault().settings();
              assertThat(settings.keyPrefix()).isEqualTo("fromenv");
              assertThat(settings.timeout()).isEqualTo(Timeout.seconds(30));
            });
  }

  /** As in the sample's application.yml: {@code location: ${REDIS_URL:redis://127.0.0.1:6379/0}}. */
  @Test
  void placeholdersInLarderCachesAreResolvedWithTheirDefaults() {
    runner
        .withPropertyValues(
            "larder.caches.default.backend=locmem",
            "larder.caches.default.timeout=${CACHE_TIMEOUT:60}",
            "larder.caches.default.key_prefix=${SHOP_PREFIX:shop}",
            "SHOP_PREFIX=store")
        .run(
            context -> {
              CacheSettings settings = context.getBean(Caches.class).getDefault().settings();
              assertThat(settings.timeout()).isEqualTo(Timeout.seconds(60));
              assertThat(settings.keyPrefix()).isEqualTo("store");
            });
  }

  @Test
  void aListOfLocationsStaysAList() {
    runner
        .withPropertyValues(
            "larder.caches.default.backend=dummy",
            "larder.caches.default.location[0]=a",
            "larder.caches.default.location[1]=b")
        .run(
            context ->
                assertThat(context.getBean(Caches.class).getDefault().settings().locations())
                    .isEqualTo(List.of("a", "b")));
  }

  @Test
  void larderConfigReadsALarderYmlAndLarderCachesWin() {
    runner
        .withPropertyValues(
            "larder.config=classpath:larder-test.yml", "larder.caches.files.backend=locmem")
        .run(
            context -> {
              Caches caches = context.getBean(Caches.class);
              assertThat(caches.aliases()).containsExactly("default", "files");
              assertThat(caches.getDefault().settings().location()).isEqualTo("from-larder-yml");
              assertThat(caches.get("files").settings().backend()).isEqualTo("locmem");
            });
  }

  @Test
  void aWrongSettingFailsStartUpNamingTheAliasTheSettingAndTheValue() {
    runner
        .withPropertyValues(
            "larder.caches.default.backend=locmem", "larder.caches.default.timeout=soon")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("'default'")
                    .hasMessageContaining("timeout")
                    .hasMessageContaining("soon"));
  }

  @Test
  void aMissingLarderConfigFailsStartUpNamingIt() {
    runner
        .withPropertyValues("larder.config=classpath:nowhere.yml")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("nowhere.yml"));
  }

  @Test
  void theCacheManagerIsLardersAndBootsOwnBacksOff() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(CacheManager.class);
          assertThat(context.getBean(CacheManager.class)).isInstanceOf(LarderCacheManager.class);
        });
  }

  @Test
  void anApplicationsOwnCacheManagerWins() {
    runner
        .withUserConfiguration(OwnCacheManager.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(CacheManager.class);
              assertThat(context.getBean(CacheManager.class))
                  .isInstanceOf(ConcurrentMapCacheManager.class);
              assertThat(context).hasSingleBean(Caches.class);
            });
  }

  @Test
  void unknownCacheNamesCanBeMadeFromATemplate() {
    runner
        .withPropertyValues(
            "larder.cache-manager.unknown-caches=create-from-template",
            "larder.cache-manager.template=default")
        .run(
            context ->
                assertThat(context.getBean(LarderCacheManager.class).getCache("authors"))
                    .isNotNull());
  }

  @Test
  void unknownCacheNamesAreRefusedByDefault() {
    runner.run(
        context ->
            assertThat(context.getBean(LarderCacheManager.class).getCache("authors")).isNull());
  }

  @Test
  void theThymeleafDialectIsABeanWhenThymeleafIsThere() {
    runner.run(context -> assertThat(context).hasSingleBean(FragmentCacheDialect.class));
  }

  @Test
  void withoutThymeleafThereIsNoDialect() {
    runner
        .withClassLoader(new FilteredClassLoader(TemplateEngine.class))
        .run(context -> assertThat(context).doesNotHaveBean(FragmentCacheDialect.class));
  }

  @Test
  void theMeterBinderProviderIsABeanWhenMicrometerIsThere() {
    runner.run(context -> assertThat(context).hasSingleBean(LarderCacheMeterBinderProvider.class));
  }

  @Test
  void operationTimersAreOffUnlessAskedFor() {
    runner
        .withBean(SimpleMeterRegistry.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OperationTimer.class);
              context.getBean(Caches.class).getDefault().get("key");
              assertThat(context.getBean(SimpleMeterRegistry.class).find("cache.operations").meters())
                  .isEmpty();
            });
  }

  @Test
  void withLarderMetricsTimersEachStoreCallIsTimed() {
    runner
        .withBean(SimpleMeterRegistry.class)
        .withPropertyValues("larder.metrics.timers=true")
        .run(
            context -> {
              Caches caches = context.getBean(Caches.class);
              caches.getDefault().set("key", "value");
              caches.getDefault().get("key");
              Timer gets =
                  context
                      .getBean(SimpleMeterRegistry.class)
                      .get("cache.operations")
                      .tags("cache", "default", "operation", "get")
                      .timer();
              assertThat(gets.count()).isEqualTo(1);
            });
  }

  @Test
  void healthHasOneIndicatorPerRemoteCache() {
    runner
        .withConfiguration(AutoConfigurations.of(LarderHealthAutoConfiguration.class))
        .withPropertyValues(
            "larder.caches.default.backend=locmem",
            "larder.caches.remote.backend=redis",
            "larder.caches.remote.location=redis://127.0.0.1:1/0")
        .run(
            context -> {
              CompositeHealthContributor larder =
                  context.getBean("larderHealthContributor", CompositeHealthContributor.class);
              assertThat(larder.getContributor("remote")).isNotNull();
              assertThat(larder.getContributor("default")).isNull();
            });
  }

  @Test
  void healthIsUpWhenEveryCacheIsLocal() {
    runner
        .withConfiguration(AutoConfigurations.of(LarderHealthAutoConfiguration.class))
        .run(
            context ->
                assertThat(
                        context
                            .getBean("larderHealthContributor", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP));
  }

  @Test
  void filtersAreRegisteredOnlyWhenEnabled() {
    WebApplicationContextRunner web =
        new WebApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    LarderAutoConfiguration.class, LarderWebAutoConfiguration.class));

    web.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    web.withPropertyValues(
            "larder.web.page-cache.enabled=true", "larder.web.sessions.enabled=true")
        .run(
            context -> {
              assertThat(context.getBeansOfType(FilterRegistrationBean.class)).hasSize(2);
              // Sessions outside the page cache, and the page cache after access control.
              assertThat(
                      context
                          .getBean("larderPageCacheFilter", FilterRegistrationBean.class)
                          .getOrder())
                  .isGreaterThan(
                      context
                          .getBean("larderSessionFilter", FilterRegistrationBean.class)
                          .getOrder())
                  .isGreaterThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
              // Sessions before Spring Security, which keeps its context in the session.
              assertThat(
                      context
                          .getBean("larderSessionFilter", FilterRegistrationBean.class)
                          .getOrder())
                  .isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
            });
  }
}
