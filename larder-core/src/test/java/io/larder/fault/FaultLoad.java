package io.larder.fault;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.MissingKeyException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One caller of a {@link FaultRun}: a mixed load of {@code set}, {@code add}, {@code get}, {@code
 * getMany}, {@code incr} and {@code delete} on keys of its own, timing each call, until stopped;
 * at most one call per half millisecond.
 */
final class FaultLoad implements Runnable {
  private static final long PAUSE_NANOS = 500_000;
  private static final List<String> OPERATIONS =
      List.of("set", "add", "get", "get_many", "incr", "set", "delete");

  private final String name;
  private final Cache cache;
  private final boolean failsOpen;
  private final Ledger ledger;
  private final IntSupplier phase;
  private final Supplier<Tally> tally;
  private volatile boolean stopped;

  FaultLoad(
      String name,
      Cache cache,
      boolean failsOpen,
      Ledger ledger,
      IntSupplier phase,
      Supplier<Tally> tally) {
    this.name = name;
    this.cache = cache;
    this.failsOpen = failsOpen;
    this.ledger = ledger;
    this.phase = phase;
    this.tally = tally;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    for (int i = 0; !stopped; i++) {
      int op = i % 7;
      int inPhase = phase.getAsInt();
      long start = System.nanoTime();
      boolean acknowledged = false;
      boolean unavailable = false;
      String problem = null;
      try {
        acknowledged = call(i, op, start, inPhase);
      } catch (BackendUnavailableException e) {
        unavailable = true;
      } catch (RuntimeException e) {
        problem = name + " op " + op + ": " + e;
      }
      long took = System.nanoTime() - start;
      // Counted in the fault during which the call ended: one that hangs across a fault's start
      // belongs to that fault.
      Tally during = tally.get();
      during.called(OPERATIONS.get(op), took);
      if (acknowledged) {
        during.acknowledged.increment();
      }
      if (unavailable) {
        during.errors.increment();
        if (op == 4) {
          during.incrErrors.increment();
        }
      }
      if (problem != null) {
        during.errors.increment();
        during.unexpected(problem);
      }
      // Paced: calls a cache fails at once (breaker open) would otherwise spin a core and write
      // hundreds of thousands of warnings a second.
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  /** Makes call {@code i}; true if it acknowledged a write, now in the ledger. */
  private boolean call(int i, int op, long start, int inPhase) {
    String key = name + "-" + i;
    switch (op) {
      case 0 -> {
        cache.set(key, i);
        // Failing open, a set that returns may have been dropped: only add says it stored.
        if (!failsOpen) {
          ledger.wrote(key, i, start, inPhase);
        }
        return !failsOpen;
      }
      case 1 -> {
        boolean added = cache.add(key, i);
        if (added) {
          ledger.wrote(key, i, start, inPhase);
        }
        return added;
      }
      case 2 -> expectNumberOrMiss(cache.get(name + "-" + (i - 1)));
      case 3 ->
          cache
              .getMany(List.of(name + "-" + (i - 2), name + "-" + (i - 3), name + "-scratch"))
              .values()
              .forEach(this::expectNumberOrMiss);
      case 4 -> {
        String counter = name + "-counter";
        long sum;
        try {
          sum = cache.incr(counter);
        } catch (MissingKeyException e) {
          // Not there yet, or lost with a server that keeps data in memory only.
          sum = cache.add(counter, 0) ? 0 : -1;
        }
        if (sum >= 0) {
          ledger.counted(counter, sum, start, inPhase);
        }
        return sum >= 0;
      }
      case 5 -> cache.set(name + "-scratch", i);
      default -> cache.delete(name + "-scratch");
    }
    return false;
  }

  private void expectNumberOrMiss(Object value) {
    if (value != null && !(value instanceof Number)) {
      throw new IllegalStateException("read " + value.getClass().getName() + ": " + value);
    }
  }
}
