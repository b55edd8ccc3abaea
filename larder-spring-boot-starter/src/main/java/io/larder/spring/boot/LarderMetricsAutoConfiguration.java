package io.larder.spring.boot;

import io.larder.OperationTimer;
import io.larder.micrometer.LarderCacheMetrics;
import io.larder.micrometer.LarderOperationTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link LarderCacheMeterBinderProvider} when Micrometer and larder-micrometer are there,
 * and with {@code larder.metrics.timers: true} the operation timers ({@link
 * LarderOperationTimers}) the caches are built with.
 *
 * @since 0.1
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, CacheMeterBinderProvider.class, LarderCacheMetrics.class})
public class LarderMetricsAutoConfiguration {
  /**
   * Lets Spring Boot's cache metrics bind each {@code LarderCache} of the cache managers, so
   * {@code /actuator/metrics/cache.gets} and the others show Larder's counters.
   *
   * @return the provider Spring Boot asks for a Larder cache's meter binder
   */
  @Bean
  @ConditionalOnMissingBean
  public LarderCacheMeterBinderProvider larderCacheMeterBinderProvider() {
    return new LarderCacheMeterBinderProvider();
  }

  /**
   * Times each cache's store calls as {@code cache.operations}. Opt-in: off, the caches read no
   * clock around their store calls.
   *
   * @param registry where the timers are registered
   * @return the operation timer the caches are built with
   */
  @Bean
  @ConditionalOnMissingBean(OperationTimer.class)
  @ConditionalOnProperty(name = "larder.metrics.timers", havingValue = "true")
  public LarderOperationTimers larderOperationTimers(MeterRegistry registry) {
    return new LarderOperationTimers(registry, Tags.empty());
  }
}
