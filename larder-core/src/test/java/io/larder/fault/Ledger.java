package io.larder.fault;

import io.larder.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The writes the cache acknowledged (a {@code set} that returned, an {@code add} that said true, an
 * {@code incr} that returned its sum), to be read back once the run is over: none may be missing.
 */
final class Ledger {
  /** One acknowledged write: the call began at {@code startNanos}, during fault {@code phase}. */
  record Ack(String key, long value, long startNanos, int phase, boolean atLeast) {}

  private final ConcurrentLinkedQueue<Ack> writes = new ConcurrentLinkedQueue<>();
  /** A counter's latest acknowledged sum: later calls may have added to it, never taken away. */
  private final Map<String, Ack> counters = new ConcurrentHashMap<>();

  void wrote(String key, long value, long startNanos, int phase) {
    writes.add(new Ack(key, value, startNanos, phase, false));
  }

  void counted(String key, long sum, long startNanos, int phase) {
    counters.put(key, new Ack(key, sum, startNanos, phase, true));
  }

  /**
   * The acknowledged writes begun at or after {@code checkFrom} that {@code reader} does not find
   * as written (a counter: below its acknowledged sum), and how many were checked, by phase.
   */
  Result check(Cache reader, long checkFrom, int phases) {
    List<Ack> due = new ArrayList<>();
    for (Ack ack : writes) {
      if (ack.startNanos() >= checkFrom) {
        due.add(ack);
      }
    }
    for (Ack ack : counters.values()) {
      if (ack.startNanos() >= checkFrom) {
        due.add(ack);
      }
    }
    long[] checked = new long[phases];
    long[] lost = new long[phases];
    List<String> examples = new ArrayList<>();
    for (int from = 0; from < due.size(); from += 200) {
      List<Ack> chunk = due.subList(from, Math.min(due.size(), from + 200));
      Map<String, Object> found = reader.getMany(chunk.stream().map(Ack::key).toList());
      for (Ack ack : chunk) {
        checked[ack.phase()]++;
        Object value = found.get(ack.key());
        boolean kept =
            value instanceof Number n
                && (ack.atLeast() ? n.longValue() >= ack.value() : n.longValue() == ack.value());
        if (!kept) {
          lost[ack.phase()]++;
          if (examples.size() < 5) {
            examples.add(ack + " read back as " + value);
          }
        }
      }
    }
    return new Result(checked, lost, examples);
  }

  record Result(long[] checked, long[] lost, List<String> examples) {}
}
