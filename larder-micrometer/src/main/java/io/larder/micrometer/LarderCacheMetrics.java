package io.larder.micrometer;

import io.larder.Cache;
import io.larder.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.function.ToLongFunction;

/**
 * A Larder cache's counters as Micrometer meters, in Micrometer's cache conventions (the names
 * Caffeine's, JCache's and Spring's Redis binders use), tagged {@code cache} (the name) and {@code
 * backend} (the alias's backend as configured):
 *
 * <pre>{@code
 * LarderCacheMetrics.monitor(registry, caches.get("default"), "default");
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>from {@link CacheStats}</th></tr>
 *   <tr><td>{@code cache.gets{result=hit}}</td><td>{@code hits}: reads that found a value</td></tr>
 *   <tr><td>{@code cache.gets{result=miss}}</td><td>{@code misses}</td></tr>
 *   <tr><td>{@code cache.puts}</td><td>{@code sets}: values written</td></tr>
 *   <tr><td>{@code cache.removals}</td><td>{@code deletes}: keys deleted</td></tr>
 *   <tr><td>{@code cache.errors}</td><td>{@code errors}: operations that failed in the backend,
 *       counted whether or not {@code ignore_exceptions} hid them</td></tr>
 *   <tr><td>{@code cache.circuit.open}</td><td>{@code circuitOpen}: 1 while the circuit breaker
 *       answers calls without touching the store, else 0 (Caffeine's binder has no such
 *       thing)</td></tr>
 * </table>
 *
 * <p>{@code cache.size} and {@code cache.evictions} are not registered: Larder's backends do not
 * report them (a Redis or memcached server evicts on its own), and a gauge that always reads zero
 * would mislead. The counters are read from {@link Cache#stats()} when the registry publishes, so
 * binding costs the cache nothing; the cache is held weakly, as by Micrometer's other binders.
 *
 * @since 0.1
 */
public final class LarderCacheMetrics extends CacheMeterBinder<Cache> {
  private final String backend;

  /**
   * Meters for {@code cache}, named {@code name}, with {@code tags} added to {@code cache} and
   * {@code backend}.
   *
   * @param cache the cache to measure
   * @param name the {@code cache} tag's value, usually the alias
   * @param tags more tags for every meter
   */
  public LarderCacheMetrics(Cache cache, String name, Iterable<Tag> tags) {
    super(cache, name, Tags.of(tags).and("backend", cache.settings().backend()));
    this.backend = cache.settings().backend();
  }

  /**
   * Binds meters for {@code cache} to {@code registry} and returns the cache.
   *
   * @param registry where the meters go
   * @param cache the cache to measure
   * @param name the {@code cache} tag's value, usually the alias
   * @param tags more tags, as key, value, key, value, ...
   * @return {@code cache}
   */
  public static Cache monitor(MeterRegistry registry, Cache cache, String name, String... tags) {
    return monitor(registry, cache, name, Tags.of(tags));
  }

  /**
   * Binds meters for {@code cache} to {@code registry} and returns the cache.
   *
   * @param registry where the meters go
   * @param cache the cache to measure
   * @param name the {@code cache} tag's value, usually the alias
   * @param tags more tags for every meter
   * @return {@code cache}
   */
  public static Cache monitor(
      MeterRegistry registry, Cache cache, String name, Iterable<Tag> tags) {
    new LarderCacheMetrics(cache, name, tags).bindTo(registry);
    return cache;
  }

  /**
   * The backend tag's value.
   *
   * @return the cache's backend, as configured ({@code redis}, {@code locmem}, ...)
   */
  public String backend() {
    return backend;
  }

  @Override
  protected Long size() {
    return null;
  }

  @Override
  protected long hitCount() {
    return stat(CacheStats::hits);
  }

  @Override
  protected Long missCount() {
    return stat(CacheStats::misses);
  }

  @Override
  protected Long evictionCount() {
    return null;
  }

  @Override
  protected long putCount() {
    return stat(CacheStats::sets);
  }

  @Override
  protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
    Cache cache = getCache();
    if (cache == null) {
      return;
    }
    FunctionCounter.builder("cache.removals", cache, c -> c.stats().deletes())
        .tags(getTagsWithCacheName())
        .description("Keys deleted from the cache")
        .register(registry);
    FunctionCounter.builder("cache.errors", cache, c -> c.stats().errors())
        .tags(getTagsWithCacheName())
        .description(
            "Cache operations that failed in the backend, whether or not the cache ignored them")
        .register(registry);
    Gauge.builder("cache.circuit.open", cache, c -> c.stats().circuitOpen() ? 1 : 0)
        .tags(getTagsWithCacheName())
        .description("1 while the cache's circuit breaker holds calls back from its store, else 0")
        .register(registry);
  }

  private long stat(ToLongFunction<CacheStats> counter) {
    Cache cache = getCache();
    return cache == null ? 0 : counter.applyAsLong(cache.stats());
  }
}
