package io.larder.spring.boot;

import io.larder.micrometer.LarderCacheMetrics;
import io.larder.spring.LarderCache;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

/**
 * Lets Spring Boot's cache metrics bind every {@link LarderCache} of the application's cache
 * managers with {@link LarderCacheMetrics}, so {@code /actuator/metrics/cache.gets} and the others
 * show Larder's counters.
 *
 * @since 0.1
 */
public final class LarderCacheMeterBinderProvider implements CacheMeterBinderProvider<LarderCache> {
  @Override
  public MeterBinder getMeterBinder(LarderCache cache, Iterable<Tag> tags) {
    return new LarderCacheMetrics(cache.getNativeCache(), cache.getName(), tags);
  }
}
