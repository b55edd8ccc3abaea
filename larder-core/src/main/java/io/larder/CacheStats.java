package io.larder;

/**
 * A snapshot of a cache's counters since it was created.
 *
 * <pre>{@code
 * CacheStats s = cache.stats();
 * System.out.printf("hit ratio %.2f over %d reads%n", s.hitRatio(), s.hits() + s.misses());
 * }</pre>
 *
 * @param hits reads that found a value ({@code get}, each key of {@code getMany}, {@code getOrSet})
 * @param misses reads that found nothing
 * @param sets values written ({@code set}, a successful {@code add}, each key of {@code setMany},
 *     {@code incr}/{@code decr})
 * @param deletes keys deleted
 * @param errors operations that failed in the backend (counted whether or not they were ignored)
 * @param corruptReads stored values that could not be read (corrupt, hostile, or over a reader's
 *     limit); each is also counted as a miss
 * @param circuitOpen true if, at the snapshot, the cache's circuit breaker was open: a cache that
 *     fails open answers calls without touching its store until a probe succeeds
 * @since 0.1
 */
public record CacheStats(
    long hits,
    long misses,
    long sets,
    long deletes,
    long errors,
    long corruptReads,
    boolean circuitOpen) {
  /**
   * Counters of a cache whose circuit breaker is closed (or that has none).
   *
   * @param hits reads that found a value
   * @param misses reads that found nothing
   * @param sets values written
   * @param deletes keys deleted
   * @param errors operations that failed in the backend
   * @param corruptReads stored values that could not be read, each also counted as a miss
   */
  public CacheStats(
      long hits, long misses, long sets, long deletes, long errors, long corruptReads) {
    this(hits, misses, sets, deletes, errors, corruptReads, false);
  }

  /**
   * Hits over reads, or 0 when nothing was read.
   *
   * @return {@code hits / (hits + misses)}, from 0 to 1; 0 when nothing was read
   */
  public double hitRatio() {
    long reads = hits + misses;
    return reads == 0 ? 0.0 : (double) hits / reads;
  }
}
