package io.larder.chain;

/**
 * One tier's counters for reads through a chain (not the tier cache's own {@code stats()}, which
 * also count its direct use, and its errors).
 *
 * @param alias the tier's alias
 * @param hits reads this tier answered
 * @param misses reads that reached this tier and went on to the next (or missed the chain)
 * @param refills copies this tier received from a slower tier's hit
 * @since 0.1
 */
public record TierStats(String alias, long hits, long misses, long refills) {
  /**
   * Hits over the reads that reached this tier, or 0 when none did.
   *
   * @return {@code hits / (hits + misses)}, from 0 to 1; 0 when no read reached this tier
   */
  public double hitRatio() {
    long reads = hits + misses;
    return reads == 0 ? 0.0 : (double) hits / reads;
  }
}
