package io.larder.spring.boot;

import io.larder.Cache;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one cache whose data lives on a server: UP when a read reaches the server within
 * the configured wait, DOWN naming the cache, its backend and its server (password hidden)
 * otherwise. A cache that ignores its errors reads a failure as a miss, so a probe that raised the
 * cache's error count also reports DOWN.
 */
final class RemoteCacheHealth implements HealthIndicator {
  /** Backends whose data lives in this process or on its disk: nothing to ping. */
  private static final Set<String> LOCAL =
      Set.of(
          "locmem",
          "dummy",
          "filebased",
          "chain",
          "django.core.cache.backends.locmem.locmemcache",
          "django.core.cache.backends.dummy.dummycache",
          "django.core.cache.backends.filebased.filebasedcache");

  private static final String PROBE_KEY = "larder.health.probe";

  private final Cache cache;
  private final Duration timeout;

  RemoteCacheHealth(Cache cache, Duration timeout) {
    this.cache = cache;
    this.timeout = timeout;
  }

  static boolean isRemote(Cache cache) {
    return !LOCAL.contains(cache.settings().backend().toLowerCase(Locale.ROOT));
  }

  @Override
  public Health health() {
    Health.Builder health =
        new Health.Builder()
            .withDetail("cache", cache.settings().alias())
            .withDetail("backend", cache.settings().backend())
            .withDetail("location", cache.settings().displayLocation());
    long errors = cache.stats().errors();
    try {
      cache.async().hasKey(PROBE_KEY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return health.down().withDetail("error", "no answer within " + timeout).build();
    } catch (ExecutionException e) {
      return health.down(e.getCause()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return health.unknown().withDetail("error", "interrupted").build();
    } catch (RuntimeException e) {
      return health.down(e).build();
    }
    if (cache.stats().errors() > errors) {
      return health
          .down()
          .withDetail("error", "the server failed; the cache ignores its errors (fail-open)")
          .build();
    }
    return health.up().build();
  }
}
