package io.larder.chain;

import java.util.List;

/**
 * What a {@code chain} cache offers beyond Django's API: its tiers and how each answers.
 *
 * <pre>{@code
 * ChainExtension chain = caches.get("default").unwrap(ChainExtension.class);
 * for (TierStats tier : chain.tierStats()) {
 *   System.out.printf("%s: %.0f%% hits%n", tier.alias(), 100 * tier.hitRatio());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface ChainExtension {
  /**
   * The tiers' aliases, fastest first; the last is the authoritative tier.
   *
   * @return the aliases of the tiers, in the order reads go through them
   */
  List<String> tiers();

  /**
   * Each tier's counters for reads through this chain, fastest first.
   *
   * @return one snapshot per tier, in the order of {@link #tiers()}
   */
  List<TierStats> tierStats();

  /**
   * False while the local tiers are bypassed: the chain keeps them coherent through a shared tier's
   * invalidations (Redis), and that connection is down or not yet up. Always true for a chain
   * without invalidations (its local copies are bounded by {@code local_timeout} instead).
   *
   * @return true if reads and writes go through the local tiers, false while they are bypassed
   */
  boolean localTiersInUse();

  /**
   * How the local tiers hear of other writers' changes, as the {@code coherence} option names it:
   * {@code tracking} (the shared store tells of every writer's changes), {@code publish} (other
   * chains tell), or {@code timeout} (nothing tells: {@code local_timeout} bounds a copy's age; also
   * a chain with no local tier over a shared one).
   *
   * @return the source in use
   */
  String coherence();
}
