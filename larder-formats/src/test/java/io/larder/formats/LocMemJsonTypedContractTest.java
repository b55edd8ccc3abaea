package io.larder.formats;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.UUID;

/** The contract on local memory storing copies as json_typed. */
class LocMemJsonTypedContractTest extends CacheContractTest {
  private final String location = "json-typed-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("locmem")
        .location(location)
        .option("store_by_value", true)
        .option("serializer", "json_typed");
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
