package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.chain.ChainExtension;
import io.larder.testsupport.RedisServer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A chain's local-tier {@code get} hit against a plain {@code locmem} hit in one JVM, in
 * alternating rounds, so that the machine's drift (a shared VM) falls on both sides alike: the
 * ratio of each pair of neighbouring rounds, and their median. The chain is local memory over a
 * throwaway {@code redis-server}, invalidations live, as in {@link ChainBenchmark}:
 *
 * <pre>{@code
 * java -cp larder-benchmarks/target/benchmarks.jar io.larder.benchmarks.ChainGetLoop 1000 20
 * }</pre>
 *
 * <p>Arguments: the number of keys (shaped as {@link Keys} makes them), and of round pairs.
 */
public final class ChainGetLoop {
  private static final int CALLS = 2_000_000;

  private ChainGetLoop() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String id = UUID.randomUUID().toString();
    try (RedisServer server = RedisServer.start();
        Caches caches =
            BenchCaches.builder()
                .cache(
                    "default", c -> c.backend("chain").option("caches", List.of("near", "redis")))
                .cache("near", c -> local(c.backend("locmem").location("near-" + id), count))
                .cache("redis", c -> c.backend("redis").location(server.url()))
                .cache("locmem", c -> local(c.backend("locmem").location("plain-" + id), count))
                .build()) {
      Cache chain = caches.getDefault();
      Cache locmem = caches.get("locmem");
      while (!chain.unwrap(ChainExtension.class).localTiersInUse()) {
        Thread.onSpinWait();
      }
      String[] probes = new Keys("anchor", count).all();
      for (String key : probes) {
        chain.set(key, Keys.VALUE);
        locmem.set(key, Keys.VALUE);
      }
      double[] ratios = new double[rounds];
      for (int round = -3; round < rounds; round++) { // three rounds of warm-up
        double chainNanos = nanosPerGet(chain, probes);
        double locmemNanos = nanosPerGet(locmem, probes);
        if (round >= 0) {
          ratios[round] = locmemNanos / chainNanos;
          System.out.printf(
              "round %d: chain %.1f ns, locmem %.1f ns per get, chain/locmem throughput %.2f%n",
              round + 1, chainNanos, locmemNanos, ratios[round]);
        }
      }
      Arrays.sort(ratios);
      System.out.printf("median chain/locmem throughput: %.2f%n", ratios[rounds / 2]);
    }
  }

  private static void local(CacheDefinition cache, int count) {
    cache.option("max_entries", count * 2);
  }

  private static double nanosPerGet(Cache cache, String[] probes) {
    int at = 0;
    long found = 0;
    long started = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      at = (at + 7919) % probes.length;
      found += cache.get(probes[at]) != null ? 1 : 0;
    }
    long nanos = System.nanoTime() - started;
    if (found != CALLS) {
      throw new IllegalStateException(found + " hits of " + CALLS);
    }
    return nanos / (double) CALLS;
  }
}
