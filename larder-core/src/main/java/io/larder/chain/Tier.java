package io.larder.chain;

import io.larder.Cache;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tier of a chain: another alias's {@link Cache}, through which the chain's keys go (so the
 * tier applies its own key function, fail-open policy and statistics), and its counters.
 */
final class Tier {
  /** What {@link #load} returns when the tier has no value; a stored null is a value. */
  static final Object ABSENT = new Object();

  final String alias;
  final Cache cache;
  final CacheStore store;

  /** True for a local tier above a shared one: its copies can go stale when others write. */
  final boolean near;

  /** The longest a copy may live here, or null. */
  private final Timeout cap;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder refills = new LongAdder();

  Tier(String alias, Cache cache, boolean near, Timeout cap) {
    this.alias = alias;
    this.cache = cache;
    this.store = cache.unwrap(CacheStore.class);
    this.near = near;
    this.cap = cap;
  }

  /** True if the tier lives in this process (it does no I/O): a local copy, others cannot reach. */
  static boolean isLocal(Cache cache) {
    return !cache.unwrap(CacheStore.class).blocksOnIo();
  }

  Object load(String key) {
    return cache.get(key, ABSENT);
  }

  void store(String key, Object value, Timeout timeout) {
    cache.set(key, value, capped(timeout));
  }

  /**
   * Stores a copy found in a slower tier, which has {@code left} to live ({@link Timeout#DEFAULT}
   * if that tier cannot tell: then this tier's default timeout).
   */
  void refill(String key, Object value, Timeout left) {
    cache.set(key, value, capped(left));
    refills.increment();
  }

  /** How long the tier's copy of {@code key} has left; see {@link CacheStore#timeToLive}. */
  Timeout timeToLive(String key) {
    return store.timeToLive(cache.makeKey(key));
  }

  /** {@code timeout} ({@link Timeout#DEFAULT}: the tier's own), no longer than the cap. */
  Timeout capped(Timeout timeout) {
    Timeout resolved = timeout.isDefault() ? cache.settings().timeout() : timeout;
    if (cap == null || resolved.isExpired()) {
      return resolved;
    }
    return resolved.isNever() || resolved.toNanos() > cap.toNanos() ? cap : resolved;
  }

  void hit() {
    hits.increment();
  }

  void miss() {
    misses.increment();
  }

  void misses(int n) {
    misses.add(n);
  }

  TierStats stats() {
    return new TierStats(alias, hits.sum(), misses.sum(), refills.sum());
  }
}
