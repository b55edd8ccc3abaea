package io.larder.example;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.UUID;

/** The example backend passes the whole shared contract, as every backend must. */
class MapStoreContractTest extends CacheContractTest {
  private final String location = "map-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend(MapBackend.class.getName()).location(location);
  }

  @Override
  protected boolean storesCopies() {
    return false;
  }
}
