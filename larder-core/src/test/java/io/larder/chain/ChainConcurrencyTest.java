package io.larder.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Readers refill the faster tier while writers set and delete and an evictor drops faster copies: a
 * read that starts after a write returned must never see the value that write replaced.
 */
class ChainConcurrencyTest {
  private static final int KEYS = 8;
  private static final int WRITERS = 2;
  private static final int OPERATIONS = 20_000;

  private final AtomicLong sequence = new AtomicLong();

  /** Per key, the sequence number of the last write that returned. */
  private final AtomicLongArray completed = new AtomicLongArray(KEYS);

  private final AtomicLong violations = new AtomicLong();

  @Test
  void noReadSeesAValueOlderThanAWriteThatReturned() throws Exception {
    String location = "chain-" + UUID.randomUUID();
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("chain").option("caches", List.of("near", "far")))
            .cache("near", c -> c.backend("locmem").location(location + "-near"))
            .cache("far", c -> c.backend("locmem").location(location + "-far"))
            .build()) {
      Cache chain = caches.getDefault();
      ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS + 1);
      try {
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          tasks.add(pool.submit(() -> write(chain, writer)));
          tasks.add(pool.submit(() -> read(chain)));
        }
        tasks.add(pool.submit(() -> evict(caches.get("near"))));
        for (Future<?> task : tasks) {
          task.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(violations).hasValue(0);
    }
  }

  /**
   * Each writer owns the keys {@code k} with {@code k % WRITERS == writer}, so its writes to a key
   * are ordered.
   */
  private Void write(Cache chain, int writer) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < OPERATIONS; i++) {
      int k = writer + WRITERS * random.nextInt(KEYS / WRITERS);
      long seq = sequence.incrementAndGet();
      if (random.nextInt(4) > 0) {
        chain.set("key" + k, seq, Timeout.NEVER);
      } else {
        chain.delete("key" + k);
      }
      completed.set(k, seq);
    }
    return null;
  }

  private Void read(Cache chain) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < OPERATIONS * 2; i++) {
      int k = random.nextInt(KEYS);
      long before = completed.get(k);
      Object value = chain.get("key" + k);
      if (value instanceof Long seq && seq < before) {
        violations.incrementAndGet();
      }
    }
    return null;
  }

  /**
   * Drops faster copies, as eviction would, so that readers keep refilling from the slower tier.
   */
  private Void evict(Cache near) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < OPERATIONS * 2; i++) {
      near.delete("key" + random.nextInt(KEYS));
    }
    return null;
  }
}
