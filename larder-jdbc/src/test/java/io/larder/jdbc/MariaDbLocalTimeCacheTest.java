package io.larder.jdbc;

import io.larder.CacheDefinition;

/**
 * The contract with expiry in America/Chicago wall-clock time ({@code use_tz: false}), as a Django
 * project with {@code USE_TZ = False} and {@code TIME_ZONE = "America/Chicago"} writes it.
 */
class MariaDbLocalTimeCacheTest extends MariaDbCacheTest {
  @Override
  protected void configure(CacheDefinition cache) {
    super.configure(cache);
    cache.option("use_tz", false).option("time_zone", "America/Chicago");
  }
}
