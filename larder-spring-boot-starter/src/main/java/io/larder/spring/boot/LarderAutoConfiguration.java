package io.larder.spring.boot;

import io.larder.Caches;
import io.larder.OperationTimer;
import io.larder.spring.LarderCacheManager;
import io.larder.spring.UnknownCaches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * Larder's caches from {@code larder.*} and a {@link LarderCacheManager} over them, before Spring
 * Boot's own cache auto-configuration, which then backs off: {@code @EnableCaching} and {@code
 * @Cacheable} use Larder. An application's own {@link Caches} or {@link CacheManager} bean wins.
 * @since 0.1
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration",
      // Spring Boot 3.5's name for it
      "org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration"
    })
@EnableConfigurationProperties(LarderProperties.class)
public class LarderAutoConfiguration {
  /**
   * The caches of {@code larder.config} and {@code larder.caches}, closed with the context, timed
   * by the application's {@link OperationTimer} bean if there is one ({@code larder.metrics.timers}
   * makes one with Micrometer).
   *
   * @param properties the bound {@code larder.*} settings
   * @param resources resolves {@code larder.config}'s location ({@code classpath:}, {@code file:})
   * @param environment the property sources {@code larder.caches} and its placeholders are read
   *     from, and the environment variables Larder reads by its own rules
   * @param timer the application's operation timer, if it defines one
   * @param customizers the application's customizers, applied in their order after the settings
   *     are read
   * @return the caches, one per alias
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Caches larderCaches(
      LarderProperties properties,
      ResourceLoader resources,
      ConfigurableEnvironment environment,
      ObjectProvider<OperationTimer> timer,
      ObjectProvider<LarderCachesCustomizer> customizers) {
    return CachesSource.build(
        properties,
        resources,
        environment,
        timer.getIfAvailable(),
        customizers.orderedStream().toList());
  }

  /**
   * Spring's cache manager over every alias, as {@code larder.cache-manager.*} says: only where
   * caching is enabled ({@code @EnableCaching}, which makes a {@link CacheAspectSupport} bean), as
   * Boot's own cache auto-configuration does, and not with {@code larder.cache-manager.enabled:
   * false}.
   *
   * @param caches the caches the manager hands out
   * @param properties where {@code larder.cache-manager.*} is read
   * @return a cache manager whose caches are the aliases, and unknown names as configured
   */
  @Bean
  @ConditionalOnBean(CacheAspectSupport.class)
  @ConditionalOnProperty(
      name = "larder.cache-manager.enabled",
      havingValue = "true",
      matchIfMissing = true)
  @ConditionalOnMissingBean(CacheManager.class)
  public LarderCacheManager cacheManager(Caches caches, LarderProperties properties) {
    LarderProperties.CacheManager settings = properties.getCacheManager();
    LarderCacheManager.Builder builder =
        LarderCacheManager.builder(caches).allowNullValues(settings.isAllowNullValues());
    if (settings.getUnknownCaches() == UnknownCaches.CREATE_FROM_TEMPLATE) {
      builder.createFromTemplate(settings.getTemplate());
    }
    return builder.build();
  }
}
