package io.larder.django;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.UUID;

/** The contract on local memory storing pickled copies. */
class LocMemPickleContractTest extends CacheContractTest {
  private final String location = "pickle-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("locmem")
        .location(location)
        .option("store_by_value", true)
        .option("serializer", "pickle");
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
