package io.larder.chain;

import io.larder.Timeout;
import io.larder.spi.CacheStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tier of a chain: another alias's store, reached with the chain's made keys through that
 * alias's failure policy ({@link io.larder.spi.StoreContext#store}), and the chain's counters for
 * it.
 */
final class Tier {
  final String alias;

  /** The tier's store behind its cache's failure policy; keys are the chain's, as made. */
  final CacheStore store;

  /** True for a local tier above a shared one: its copies can go stale when others write. */
  final boolean near;

  /** The tier's own default timeout, for writes and refills that ask for the default. */
  private final Timeout defaultTimeout;

  /** The longest a copy may live here, or null. */
  private final Timeout cap;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder refills = new LongAdder();

  Tier(String alias, CacheStore store, Timeout defaultTimeout, boolean near, Timeout cap) {
    this.alias = alias;
    this.store = store;
    this.defaultTimeout = defaultTimeout;
    this.near = near;
    this.cap = cap;
  }

  /** True if the store lives in this process (no I/O): a local copy, others cannot reach. */
  static boolean isLocal(CacheStore store) {
    return !store.blocksOnIo();
  }

  /** The value under the chain's {@code key}, or {@link CacheStore#MISSING}. */
  Object load(String key) {
    return store.load(key);
  }

  void store(String key, Object value, Timeout timeout) {
    store.store(key, value, capped(timeout));
  }

  /**
   * Stores a copy found in a slower tier, which has {@code left} to live ({@link Timeout#DEFAULT}
   * if that tier cannot tell: then this tier's default timeout).
   */
  void refill(String key, Object value, Timeout left) {
    store.store(key, value, capped(left));
    refills.increment();
  }

  /** How long the tier's copy of {@code key} has left; see {@link CacheStore#timeToLive}. */
  Timeout timeToLive(String key) {
    return store.timeToLive(key);
  }

  /** {@code timeout} ({@link Timeout#DEFAULT}: the tier's own), no longer than the cap. */
  Timeout capped(Timeout timeout) {
    Timeout resolved = timeout.isDefault() ? defaultTimeout : timeout;
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
