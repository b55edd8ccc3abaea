package io.larder.redis;

import org.junit.jupiter.api.Disabled;

/**
 * Django's contract on a chain of local memory over a real {@code redis-server}, the local tier kept
 * coherent by Redis itself ({@code CLIENT TRACKING}), as {@code coherence: auto} chooses on Redis
 * 6.2+.
 */
class ChainOverRedisTrackingTest extends ChainOverRedisTest {
  @Override
  protected String coherence() {
    return "tracking";
  }

  /**
   * Redis tells of the chain's own writes too, so the local copy of a value just set is dropped
   * when that invalidation arrives: whether a read still returns the very object set depends on
   * the race with it, which this contract test cannot state.
   */
  @Override
  @Disabled("the chain's own write is invalidated too: the kept reference races with it")
  protected void valuesAreCopiesWhenTheBackendStoresCopies() {}
}
