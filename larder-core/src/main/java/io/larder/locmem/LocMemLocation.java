package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;

/**
 * One named local-memory store, shared by every cache of the process configured with its {@code
 * location}: Django's module-level dict of that name. Caffeine bounds it by the largest {@code
 * max_entries} of the caches using it; a cache with a smaller bound trims it after its own writes,
 * as Django culls a shared store by the bound of the cache that writes.
 */
final class LocMemLocation {
  // No Caffeine expiry: entries carry their expiry and are checked on read, as Django's are.
  // Caffeine's per-entry expiry (its timer wheel) would cost more than the rest of a get.
  final Cache<String, Entry> entries;
  private final Policy.Eviction<String, Entry> eviction;
  /** The largest bound of the caches using the store: Caffeine's. */
  private volatile int maximum;

  LocMemLocation(int maxEntries) {
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.eviction = entries.policy().eviction().orElseThrow();
    this.maximum = maxEntries;
  }

  /** Raises the store's bound to {@code maxEntries} for a cache that allows more. */
  synchronized void admit(int maxEntries) {
    if (maxEntries > maximum) {
      eviction.setMaximum(maxEntries);
      maximum = maxEntries;
    }
  }

  /** True if a cache bounded by {@code maxEntries} must trim after its writes. */
  boolean exceeds(int maxEntries) {
    return maximum > maxEntries;
  }

  /** Removes the coldest entries until at most {@code maxEntries} are left. */
  void trimTo(int maxEntries) {
    long excess = entries.estimatedSize() - maxEntries;
    if (excess > 0) {
      entries.invalidateAll(eviction.coldest((int) Math.min(excess, Integer.MAX_VALUE)).keySet());
    }
  }

  /** The number of entries, expired ones not yet removed included. */
  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
