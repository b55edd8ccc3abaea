package io.larder.chain;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of the writes to each key (striped by hash), so that a read which refilled the faster
 * tiers from an older copy can tell a write came in between and withdraw its refill: without them a
 * reader could put back the value a concurrent {@code set} or {@code delete} just replaced.
 */
final class WriteStamps {
  private static final int STRIPES = 1024;

  private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
  private final AtomicLong clears = new AtomicLong();

  /** A stamp that changes whenever {@code key} is written or the chain cleared. */
  long of(String key) {
    // Both counters only grow, so their sum changes when either does.
    return stripes.get(stripe(key)) + clears.get();
  }

  void written(String key) {
    stripes.incrementAndGet(stripe(key));
  }

  void cleared() {
    clears.incrementAndGet();
  }

  private static int stripe(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }
}
