package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.larder.CacheSettings;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The process-wide stores by {@code location} name: Django's module-level {@code _caches}. The
 * first cache configured with a name sets its size bound and clock.
 */
final class LocMemStores {
  private static final ConcurrentMap<String, Cache<String, Entry>> STORES =
      new ConcurrentHashMap<>();

  private LocMemStores() {}

  static Cache<String, Entry> get(CacheSettings settings) {
    return STORES.computeIfAbsent(
        settings.location(), name -> create(settings.maxEntries(), settings.clock()));
  }

  private static Cache<String, Entry> create(int maxEntries, InstantSource clock) {
    return Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfter(new EntryExpiry())
        // Caffeine's clock is the cache's, so an injected test clock expires entries too.
        .ticker(() -> clock.millis() * 1_000_000L)
        // Eviction on the caller's thread: bounded work, and no dependence on the common pool.
        .executor(Runnable::run)
        .build();
  }

  /** Each entry expires at the instant it carries, whatever the operation that wrote it. */
  private static final class EntryExpiry implements Expiry<String, Entry> {
    @Override
    public long expireAfterCreate(String key, Entry entry, long currentTime) {
      return remaining(entry, currentTime);
    }

    @Override
    public long expireAfterUpdate(
        String key, Entry entry, long currentTime, long currentDuration) {
      return remaining(entry, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }

    private static long remaining(Entry entry, long currentTime) {
      if (entry.expiresAtMillis() == Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      return Math.max(0, entry.expiresAtMillis() * 1_000_000L - currentTime);
    }
  }
}
