package io.larder.fault;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.MissingKeyException;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One caller of a {@link FaultRun}: a mixed load of {@code set}, {@code add}, {@code get}, {@code
 * getMany}, {@code incr} and {@code delete} on keys of its own, timing each call, until stopped.
 */
final class FaultLoad implements Runnable {
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
    String counter = name + "-counter";
    for (int i = 0; !stopped; i++) {
      String key = name + "-" + i;
      int op = i % 7;
      Tally during = tally.get();
      int inPhase = phase.getAsInt();
      long start = System.nanoTime();
      try {
        switch (op) {
          case 0 -> {
            cache.set(key, i);
            // Failing open, a set that returns may have been dropped: only add says it stored.
            if (!failsOpen) {
              ledger.wrote(key, i, start, inPhase);
              during.acknowledged.increment();
            }
          }
          case 1 -> {
            if (cache.add(key, i)) {
              ledger.wrote(key, i, start, inPhase);
              during.acknowledged.increment();
            }
          }
          case 2 -> expectNumberOrMiss(during, cache.get(name + "-" + (i - 1)));
          case 3 ->
              cache
                  .getMany(List.of(name + "-" + (i - 2), name + "-" + (i - 3), name + "-scratch"))
                  .values()
                  .forEach(value -> expectNumberOrMiss(during, value));
          case 4 -> {
            long sum;
            try {
              sum = cache.incr(counter);
            } catch (MissingKeyException e) {
              // Not there yet, or lost with a server that keeps data in memory only.
              sum = cache.add(counter, 0) ? 0 : -1;
            }
            if (sum >= 0) {
              ledger.counted(counter, sum, start, inPhase);
              during.acknowledged.increment();
            }
          }
          case 5 -> cache.set(name + "-scratch", i);
          default -> cache.delete(name + "-scratch");
        }
      } catch (BackendUnavailableException e) {
        during.errors.increment();
        if (op == 4) {
          during.incrErrors.increment();
        }
      } catch (RuntimeException e) {
        during.errors.increment();
        during.unexpected(name + " op " + op + ": " + e);
      }
      during.called(System.nanoTime() - start);
    }
  }

  private void expectNumberOrMiss(Tally during, Object value) {
    if (value != null && !(value instanceof Number)) {
      during.unexpected(name + " read " + value.getClass().getName() + ": " + value);
    }
  }
}
