package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.larder.CacheSettings;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The process-wide stores by {@code location} name: Django's module-level {@code _caches}. The
 * first cache configured with a name sets its size bound.
 */
final class LocMemStores {
  private static final ConcurrentMap<String, Cache<String, Entry>> STORES =
      new ConcurrentHashMap<>();

  private LocMemStores() {}

  static Cache<String, Entry> get(CacheSettings settings) {
    return STORES.computeIfAbsent(
        settings.location(), name -> create(settings.maxEntries()));
  }

  private static Cache<String, Entry> create(int maxEntries) {
    // No Caffeine expiry: entries carry their expiry and are checked on read, as Django's are.
    // Caffeine's per-entry expiry (its timer wheel) would cost more than the rest of a get.
    return Caffeine.newBuilder().maximumSize(maxEntries).build();
  }
}
