package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.chain.ChainExtension;
import io.larder.testsupport.RedisServer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * How long after process A's {@code set} returns process B's local copy is dropped: two {@code
 * Caches} (each its own local store and Redis connections) over a throwaway {@code redis-server}; B
 * writes the key (its local tier holds it), A writes it, and B's local tier is polled until the
 * copy is gone. Prints p50, p90, p99 and the maximum over the rounds.
 *
 * <pre>{@code
 * java -cp larder-benchmarks/target/benchmarks.jar io.larder.benchmarks.InvalidationLatency 2000
 * }</pre>
 */
public final class InvalidationLatency {
  private InvalidationLatency() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (RedisServer server = RedisServer.start();
        Caches a = process(server.url());
        Caches b = process(server.url())) {
      Cache writer = a.getDefault();
      Cache reader = b.getDefault();
      Cache readerNear = b.get("near");
      long[] micros = new long[rounds];
      for (int i = -200; i < rounds; i++) { // the first 200 rounds warm up
        String key = "k" + (i & 63);
        // B's own write puts the copy in its local tier (B ignores its own messages, and A's
        // previous message for the key was handled when the last round saw the copy dropped).
        reader.set(key, i);
        writer.set(key, i + 1);
        long returned = System.nanoTime();
        while (readerNear.get(key) != null) { // the tiers store under the chain's key
          Thread.onSpinWait();
        }
        if (i >= 0) {
          micros[i] = (System.nanoTime() - returned) / 1000;
        }
      }
      Arrays.sort(micros);
      System.out.printf(
          "rounds=%d p50=%dus p90=%dus p99=%dus max=%dus%n",
          rounds,
          micros[rounds / 2],
          micros[rounds * 9 / 10],
          micros[rounds * 99 / 100],
          micros[rounds - 1]);
    }
  }

  private static Caches process(String url) throws InterruptedException {
    Caches caches =
        BenchCaches.builder()
            .cache("default", c -> c.backend("chain").option("caches", List.of("near", "redis")))
            .cache("near", c -> c.backend("locmem").location("near-" + UUID.randomUUID()))
            .cache("redis", c -> c.backend("redis").location(url))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!caches.getDefault().unwrap(ChainExtension.class).localTiersInUse()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("invalidations never came up");
      }
      Thread.sleep(10);
    }
    return caches;
  }
}
