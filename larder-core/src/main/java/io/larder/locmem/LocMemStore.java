package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One named local-memory store: chains of {@link Entries} by caller key, bounded to {@code
 * max_entries} entries (each link weighs one), and the default key heads of the caches using
 * it, kept as one instance each so that finding their links is an identity check.
 *
 * <p>A made key is split into its head and caller key after its second colon, the way Django's
 * key function joins them ({@code prefix:version:key}), so a made key given whole and the same key
 * given in parts find the same link. Made keys with fewer than two colons (from a custom key
 * function) are stored whole under the empty head.
 */
final class LocMemStore {
  // No Caffeine expiry: entries carry their expiry and are checked on read, as Django's are.
  // Caffeine's per-entry expiry (its timer wheel) would cost more than the rest of a get.
  final Cache<String, Entries> chains;
  private final ConcurrentMap<String, String> heads = new ConcurrentHashMap<>();

  LocMemStore(int maxEntries) {
    this.chains =
        Caffeine.newBuilder()
            .maximumWeight(maxEntries)
            .<String, Entries>weigher((key, chain) -> Entries.size(chain))
            .build();
  }

  /** Registers the default head of a cache using this store; returns the store's instance. */
  String register(String head) {
    return heads.computeIfAbsent(head, h -> h);
  }

  /**
   * The registered instance of {@code head}, or {@code head} itself. Heads split off made keys are
   * not registered: a custom key function could make one per key.
   */
  String head(String head) {
    return heads.getOrDefault(head, head);
  }

  /** How many heads are registered: one per prefix and version of the caches using the store. */
  int registeredHeads() {
    return heads.size();
  }

  /** Where the caller key starts in {@code madeKey}: after the second colon, or 0. */
  static int splitPoint(String madeKey) {
    int first = madeKey.indexOf(':');
    int second = first < 0 ? -1 : madeKey.indexOf(':', first + 1);
    return second + 1;
  }

  /** True if {@code head + key} splits back into {@code head} and {@code key}. */
  static boolean splitsAtEnd(String head) {
    return !head.isEmpty() && splitPoint(head) == head.length();
  }
}
