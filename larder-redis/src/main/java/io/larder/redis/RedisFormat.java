package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.Timeout;
import io.larder.spi.CommonOptions;
import java.util.Set;

/**
 * What a Redis cache writes, by the backend name it was configured with: django-redis's format, or
 * that of Django's own {@code django.core.cache.backends.redis.RedisCache} (Django 4.0+), so that a
 * Django app configured with the same name reads every value and expiry.
 *
 * <p>Both store integers as decimal text and everything else serialized, and both read anything
 * Python's {@code int()} parses as an integer. They differ in expiry: django-redis sends {@code PX
 * int(timeout * 1000)}, Django's {@code RedisSerializer}-based backend {@code EX max(0,
 * int(timeout))}, whole seconds truncated (2.5 s lives 2 s, 0.5 s is not stored); and in
 * compression, which Django's backend never does.
 */
enum RedisFormat {
  /** {@code redis}, {@code django_redis.cache.RedisCache}: milliseconds, optional compression. */
  DJANGO_REDIS,
  /** {@code django.core.cache.backends.redis.RedisCache}: whole seconds, never compressed. */
  DJANGO;

  /** Django's own backend name. */
  static final String DJANGO_BACKEND = "django.core.cache.backends.redis.RedisCache";

  private static final Set<String> NO_COMPRESSION =
      Set.of("none", "identity", "django_redis.compressors.identity.IdentityCompressor");

  /**
   * The format of the cache {@code settings} configure.
   *
   * @throws io.larder.InvalidConfigurationException if Django's backend name is given a compressor
   */
  static RedisFormat of(CacheSettings settings) {
    if (!settings.backend().equals(DJANGO_BACKEND)) {
      return DJANGO_REDIS;
    }
    String compressor = CommonOptions.COMPRESSOR.from(settings);
    if (!NO_COMPRESSION.contains(compressor)) {
      throw CommonOptions.COMPRESSOR.invalid(
          settings,
          compressor,
          "none: "
              + DJANGO_BACKEND
              + " never compresses, so a Django app could not read compressed values (use"
              + " backend django_redis.cache.RedisCache with django-redis's COMPRESSOR to share"
              + " compressed values)");
    }
    return DJANGO;
  }

  /**
   * The expiry to send, in milliseconds: null for never, 0 or less for a value not to be stored.
   */
  Long expiryMillis(Timeout timeout) {
    if (timeout.isNever()) {
      return null;
    }
    return switch (this) {
      case DJANGO_REDIS -> timeout.toMillis();
      // Django's max(0, int(timeout)): truncated towards zero, as Python's int() does.
      case DJANGO -> Math.max(0, timeout.toNanos() / 1_000_000_000L) * 1000;
    };
  }
}
