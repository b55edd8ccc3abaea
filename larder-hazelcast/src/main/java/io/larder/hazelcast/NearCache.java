package io.larder.hazelcast;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import io.larder.CacheSettings;
import java.util.Map;
import java.util.Set;

/**
 * {@code options.near_cache}: Hazelcast's own near cache in front of the cache's map, {@code
 * {max_entries: 10000, timeout: 60, invalidate: true}} or just {@code true} for those defaults.
 * With {@code invalidate} the cluster sends every change to the near caches holding the key, so a
 * near copy is stale only until that event arrives; {@code timeout} bounds how long any near copy is
 * served, should an event be lost.
 */
record NearCache(int maxEntries, int timeoutSeconds, boolean invalidate) {
  static final int DEFAULT_MAX_ENTRIES = 10_000;
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  private static final Set<String> KEYS = Set.of("max_entries", "timeout", "invalidate");
  private static final String ACCEPTED =
      "true, false, or a mapping of max_entries (1 or more), timeout (whole seconds, 0 for no"
          + " limit) and invalidate (true or false), e.g. {max_entries: 10000, timeout: 60,"
          + " invalidate: true}";

  /** The near cache of {@code settings}, or null for none. */
  static NearCache of(CacheSettings settings) {
    Object value = HazelcastOptions.NEAR_CACHE.raw(settings);
    if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
      return null;
    }
    if (Boolean.TRUE.equals(value) || "true".equals(value)) {
      return new NearCache(DEFAULT_MAX_ENTRIES, DEFAULT_TIMEOUT_SECONDS, true);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw HazelcastOptions.NEAR_CACHE.invalid(settings, value, ACCEPTED);
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw HazelcastOptions.NEAR_CACHE.invalid(
            settings, value, ACCEPTED + " (unknown key '" + key + "')");
      }
    }
    return new NearCache(
        integer(settings, map.get("max_entries"), DEFAULT_MAX_ENTRIES, 1, value),
        integer(settings, map.get("timeout"), DEFAULT_TIMEOUT_SECONDS, 0, value),
        bool(settings, map.get("invalidate"), value));
  }

  private static int integer(CacheSettings settings, Object item, int absent, int min, Object whole) {
    if (item == null) {
      return absent;
    }
    try {
      long parsed =
          item instanceof Integer || item instanceof Long
              ? ((Number) item).longValue()
              : Long.parseLong(item.toString().trim());
      if (parsed >= min && parsed <= Integer.MAX_VALUE) {
        return (int) parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HazelcastOptions.NEAR_CACHE.invalid(settings, whole, ACCEPTED);
  }

  private static boolean bool(CacheSettings settings, Object item, Object whole) {
    if (item == null || Boolean.TRUE.equals(item) || "true".equals(item)) {
      return true;
    }
    if (Boolean.FALSE.equals(item) || "false".equals(item)) {
      return false;
    }
    throw HazelcastOptions.NEAR_CACHE.invalid(settings, whole, ACCEPTED);
  }

  /** Hazelcast's configuration of this near cache for {@code mapName}. */
  NearCacheConfig toConfig(String mapName) {
    return new NearCacheConfig(mapName)
        // Values are byte arrays that Larder only reads: kept as objects, a hit hands out the
        // stored array instead of copying it out of Hazelcast's binary form on every read.
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setInvalidateOnChange(invalidate)
        .setTimeToLiveSeconds(timeoutSeconds)
        .setEvictionConfig(
            new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setSize(maxEntries));
  }
}
