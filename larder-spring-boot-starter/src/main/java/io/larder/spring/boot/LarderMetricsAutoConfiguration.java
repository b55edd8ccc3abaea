package io.larder.spring.boot;

import io.larder.micrometer.LarderCacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link LarderCacheMeterBinderProvider} when Micrometer and larder-micrometer are there.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, CacheMeterBinderProvider.class, LarderCacheMetrics.class})
public class LarderMetricsAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public LarderCacheMeterBinderProvider larderCacheMeterBinderProvider() {
    return new LarderCacheMeterBinderProvider();
  }
}
