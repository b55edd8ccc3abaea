package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers in two processes' chains over one real {@code redis-server}, for a bounded
 * number of writes: no read returns a value older than a write that completed more than the
 * invalidation bound before the read began.
 */
class NearCacheStressTest {
  private static final int KEYS = 8;
  private static final int WRITES = 2_000;
  private static final int READERS_PER_PROCESS = 2;
  private static final long BOUND_NANOS = Duration.ofSeconds(2).toNanos();

  private final AtomicLong sequence = new AtomicLong();

  /** Per key: when each write completed (nanoTime) → its sequence number. */
  private final List<ConcurrentSkipListMap<Long, Long>> completed = new ArrayList<>();

  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong violations = new AtomicLong();

  @Test
  void noReadIsOlderThanTheInvalidationBoundAfterAWriteCompleted() throws Exception {
    for (int k = 0; k < KEYS; k++) {
      completed.add(new ConcurrentSkipListMap<>());
    }
    try (RedisServer server = RedisServer.start();
        Caches a = NearCacheCoherenceTest.process(server.url());
        Caches b = NearCacheCoherenceTest.process(server.url())) {
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(2 + 2 * READERS_PER_PROCESS);
      try {
        List<Future<?>> writers =
            List.of(
                pool.submit(() -> write(a.getDefault(), 0)),
                pool.submit(() -> write(b.getDefault(), KEYS / 2)));
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS_PER_PROCESS; r++) {
          readers.add(pool.submit(() -> read(a.getDefault(), writing)));
          readers.add(pool.submit(() -> read(b.getDefault(), writing)));
        }
        for (Future<?> writer : writers) {
          writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> reader : readers) {
          reader.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(reads.get()).isPositive();
    assertThat(violations).hasValue(0);
  }

  /** One writer per half of the keys, so that each key's writes are ordered. */
  private Void write(Cache chain, int firstKey) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < WRITES; i++) {
      int k = firstKey + random.nextInt(KEYS / 2);
      long seq = sequence.incrementAndGet();
      if (random.nextInt(8) == 0) {
        chain.delete("key" + k);
      } else {
        chain.set("key" + k, seq, Timeout.NEVER);
      }
      completed.get(k).put(System.nanoTime(), seq);
    }
    return null;
  }

  private Void read(Cache chain, AtomicBoolean writing) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (writing.get()) {
      int k = random.nextInt(KEYS);
      long start = System.nanoTime();
      Object value = chain.get("key" + k);
      reads.incrementAndGet();
      Map.Entry<Long, Long> due = completed.get(k).floorEntry(start - BOUND_NANOS);
      if (value instanceof Number seq && due != null && seq.longValue() < due.getValue()) {
        violations.incrementAndGet();
      }
    }
    return null;
  }
}
