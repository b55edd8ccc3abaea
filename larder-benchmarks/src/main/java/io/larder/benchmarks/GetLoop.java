package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;

/**
 * Nanoseconds per {@code get} hit on a local-memory cache, in a plain loop: a check that runs the
 * same against any Larder jar, since it uses only the public API as a source file, so a change can
 * be timed against the jar built before it (docs/benchmarks.md):
 *
 * <pre>{@code
 * java -cp OLD.jar larder-benchmarks/src/main/java/io/larder/benchmarks/GetLoop.java 1000 by-value
 * java -cp larder-benchmarks/target/benchmarks.jar larder-benchmarks/src/main/java/io/larder/benchmarks/GetLoop.java 1000 by-value
 * }</pre>
 *
 * <p>Arguments: the number of keys (shaped as {@link Keys} makes them), and {@code by-value} for
 * {@code store_by_value: true}, where every hit deserializes a 100-character string.
 */
public final class GetLoop {
  private GetLoop() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    boolean byValue = args.length > 1 && args[1].equals("by-value");
    try (Caches caches =
        BenchCaches.of(
            c ->
                c.backend("locmem")
                    .option("max_entries", count * 2)
                    .option("store_by_value", byValue))) {
      Cache cache = caches.getDefault();
      String[] probes = new String[count];
      for (int i = 0; i < count; i++) {
        cache.set(String.format("anchor:key:%05d", i), "v".repeat(100));
        probes[i] = String.format("anchor:key:%05d", i);
      }
      for (int round = 1; round <= 8; round++) {
        int calls = 5_000_000;
        int at = 0;
        long found = 0;
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          at = (at + 7919) % count;
          found += cache.get(probes[at]) != null ? 1 : 0;
        }
        double nanos = (System.nanoTime() - started) / (double) calls;
        System.out.printf("round %d: %.1f ns per get (%d found)%n", round, nanos, found);
      }
    }
  }
}
