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
  private final List<String> unexpected = new ArrayList<>();

  void called(long nanos) {
    calls.increment();
    slowestNanos.accumulateAndGet(nanos, Math::max);
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
