package io.larder.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.larder.Cache;
import io.larder.Caches;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Larder's local-memory cache next to the Caffeine cache it is built on, in the same run: the gap
 * is what Larder's key making, validation, expiry bookkeeping and statistics cost per call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LocMemBenchmark {
  static final int ENTRIES = Integer.getInteger("entries", 10_000);

  /** Django's key head for the default prefix and version: what Larder's keys start with. */
  static final String MADE_KEY_HEAD = ":1:";

  @State(Scope.Benchmark)
  public static class Stores {
    Caches caches;
    Cache larder;
    com.github.benmanes.caffeine.cache.Cache<String, Object> caffeine;
    com.github.benmanes.caffeine.cache.Cache<String, Object> caffeineExpiring;
    com.github.benmanes.caffeine.cache.Cache<String, Object> caffeineMadeKeys;

    @Setup
    public void fill() {
      caches = BenchCaches.of(c -> c.backend("locmem").option("max_entries", ENTRIES * 2));
      larder = caches.getDefault();
      caffeine = Caffeine.newBuilder().maximumSize(ENTRIES * 2).build();
      caffeineExpiring =
          Caffeine.newBuilder()
              .maximumSize(ENTRIES * 2)
              .expireAfter(Expiry.creating((String key, Object value) -> Duration.ofMinutes(5)))
              .executor(Runnable::run)
              .build();
      caffeineMadeKeys = Caffeine.newBuilder().maximumSize(ENTRIES * 2).build();
      for (String key : new Keys("anchor", ENTRIES).all()) {
        caffeineMadeKeys.put(MADE_KEY_HEAD.concat(key), Keys.VALUE);
        larder.set(key, Keys.VALUE);
        caffeine.put(key, Keys.VALUE);
        caffeineExpiring.put(key, Keys.VALUE);
      }
    }

    @TearDown
    public void close() {
      caches.close();
    }
  }

  /** Each thread walks its own key sequence. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("anchor", ENTRIES);
    final Keys absent = new Keys("absent", ENTRIES);
  }

  @Benchmark
  public Object larderGetHit(Stores s, ThreadKeys k) {
    return s.larder.get(k.present.next());
  }

  @Benchmark
  public Object caffeineGetHit(Stores s, ThreadKeys k) {
    return s.caffeine.getIfPresent(k.present.next());
  }

  /** Caffeine with per-entry expiry, as Larder needs it for Django's per-key timeouts. */
  @Benchmark
  public Object caffeineExpiringGetHit(Stores s, ThreadKeys k) {
    return s.caffeineExpiring.getIfPresent(k.present.next());
  }

  /**
   * Caffeine holding Django's made keys, each get making its key as Larder must ({@code ":1:" +
   * key}: a new string, hashed and compared by content): the floor under {@link #larderGetHit} for
   * any store that shares Django's keys. The rest of Larder's gap is its own work.
   */
  @Benchmark
  public Object caffeineMadeKeyGetHit(Stores s, ThreadKeys k) {
    return s.caffeineMadeKeys.getIfPresent(MADE_KEY_HEAD.concat(k.present.next()));
  }

  @Benchmark
  public Object larderGetMiss(Stores s, ThreadKeys k) {
    return s.larder.get(k.absent.next());
  }

  @Benchmark
  public Object caffeineGetMiss(Stores s, ThreadKeys k) {
    return s.caffeine.getIfPresent(k.absent.next());
  }

  @Benchmark
  public void larderSet(Stores s, ThreadKeys k) {
    s.larder.set(k.present.next(), Keys.VALUE);
  }

  @Benchmark
  public void caffeineSet(Stores s, ThreadKeys k) {
    s.caffeine.put(k.present.next(), Keys.VALUE);
  }
}
