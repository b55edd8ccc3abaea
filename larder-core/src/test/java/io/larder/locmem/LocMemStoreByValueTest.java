package io.larder.locmem;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.UUID;

/** The contract with {@code store_by_value: true}: serialized copies, as Django stores them. */
class LocMemStoreByValueTest extends CacheContractTest {
  private final String location = "locmem-by-value-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("locmem").location(location).option("store_by_value", true);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
