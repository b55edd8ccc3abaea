package io.larder.example;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;

/** The example backend passes the whole shared contract, as every backend must. */
class MapStoreContractTest extends CacheContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend(MapBackend.class.getName());
  }

  @Override
  protected boolean storesCopies() {
    return false;
  }
}
