package io.larder.jcache;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * JSR-107's counters of one cache, counted by the JCache layer as the specification defines them
 * (a {@code putIfAbsent} that finds a value is a hit, a {@code replace} that finds none a miss), and
 * only while statistics are enabled. Larder's backends do not report evictions, so {@link
 * #getCacheEvictions()} stays 0.
 */
final class JCacheStatistics implements CacheStatisticsMXBean {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();
  private static final long NOT_TIMED = Long.MIN_VALUE;

  private volatile boolean enabled;

  void enable(boolean enabled) {
    this.enabled = enabled;
  }

  boolean isEnabled() {
    return enabled;
  }

  void hits(long n) {
    if (enabled) {
      hits.add(n);
    }
  }

  void misses(long n) {
    if (enabled) {
      misses.add(n);
    }
  }

  void puts(long n) {
    if (enabled) {
      puts.add(n);
    }
  }

  void removals(long n) {
    if (enabled) {
      removals.add(n);
    }
  }

  /** Which of the average times an operation adds to. */
  enum Timed {
    NONE,
    GET,
    PUT,
    REMOVE,
    GET_AND_PUT,
    GET_AND_REMOVE
  }

  /** The start of a timed operation: {@link #NOT_TIMED} while statistics are disabled. */
  long start() {
    return enabled ? System.nanoTime() : NOT_TIMED;
  }

  /** Adds the time since {@code startNanos}, from {@link #start()}, to {@code timed}'s averages. */
  void timed(Timed timed, long startNanos) {
    if (startNanos == NOT_TIMED || timed == Timed.NONE) {
      return;
    }
    long nanos = System.nanoTime() - startNanos;
    switch (timed) {
      case GET -> getNanos.add(nanos);
      case PUT -> putNanos.add(nanos);
      case REMOVE -> removeNanos.add(nanos);
      case GET_AND_PUT -> {
        getNanos.add(nanos);
        putNanos.add(nanos);
      }
      case GET_AND_REMOVE -> {
        getNanos.add(nanos);
        removeNanos.add(nanos);
      }
      case NONE -> {}
    }
  }

  @Override
  public void clear() {
    for (LongAdder counter :
        new LongAdder[] {hits, misses, puts, removals, getNanos, putNanos, removeNanos}) {
      counter.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long requests = getCacheGets();
    return requests == 0 ? 0f : 100f * getCacheHits() / requests;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long requests = getCacheGets();
    return requests == 0 ? 0f : 100f * getCacheMisses() / requests;
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return 0;
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(putNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(removeNanos.sum(), getCacheRemovals());
  }

  private static float averageMicros(long nanos, long count) {
    return count == 0 ? 0f : nanos / 1000f / count;
  }
}
