package io.larder.internal;

import io.larder.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link CacheStats}: {@link LongAdder}s, so counting never contends. */
final class StatsCounter {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder sets = new LongAdder();
  private final LongAdder deletes = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder corruptReads = new LongAdder();

  void hit() {
    hits.increment();
  }

  void hits(int n) {
    hits.add(n);
  }

  void miss() {
    misses.increment();
  }

  void misses(int n) {
    misses.add(n);
  }

  void set() {
    sets.increment();
  }

  void sets(int n) {
    sets.add(n);
  }

  void deletes(int n) {
    deletes.add(n);
  }

  void error() {
    errors.increment();
  }

  void corruptRead() {
    corruptReads.increment();
  }

  CacheStats snapshot(boolean circuitOpen) {
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        sets.sum(),
        deletes.sum(),
        errors.sum(),
        corruptReads.sum(),
        circuitOpen);
  }
}
