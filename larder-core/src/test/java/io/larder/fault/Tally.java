package io.larder.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What one cache's callers met during one fault: calls, errors raised, the slowest call. */
final class Tally {
  private static final int MAX_UNEXPECTED = 5;

  final LongAdder calls = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder incrErrors = new LongAdder();
  final LongAdder acknowledged = new LongAdder();
  final AtomicLong slowestNanos = new AtomicLong();
  private volatile String slowestOperation = "";
  private final List<String> unexpected = new ArrayList<>();

  void called(String operation, long nanos) {
    calls.increment();
    if (nanos > slowestNanos.get()) {
      synchronized (this) {
        if (nanos > slowestNanos.get()) {
          slowestNanos.set(nanos);
          slowestOperation = operation;
        }
      }
    }
  }

  /** The operation of the slowest call. */
  String slowestOperation() {
    return slowestOperation;
  }

  /** An error that no outage explains (a wrong value, a refusal, a bug): the run fails on it. */
  synchronized void unexpected(String what) {
    if (unexpected.size() < MAX_UNEXPECTED) {
      unexpected.add(what);
    }
  }

  synchronized List<String> unexpected() {
    return List.copyOf(unexpected);
  }
}
