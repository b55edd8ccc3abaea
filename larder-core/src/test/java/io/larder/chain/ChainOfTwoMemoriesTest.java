package io.larder.chain;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.util.List;
import java.util.UUID;

/** Django's contract on a chain of two local-memory stores (different locations). */
class ChainOfTwoMemoriesTest extends CacheContractTest {
  private final String location = "chain-" + UUID.randomUUID();

  @Override
  protected Caches.Builder withOtherCaches(Caches.Builder builder) {
    return builder
        .cache("near", c -> c.backend("locmem").location(location + "-near"))
        .cache("far", c -> c.backend("locmem").location(location + "-far"));
  }

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("chain").option("caches", List.of("near", "far"));
  }

  @Override
  protected boolean storesCopies() {
    return false;
  }
}
