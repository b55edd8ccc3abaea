package io.larder;

import java.util.UUID;

/** The contract with serialized, compressed values: locmem by value with the zlib compressor. */
class CompressedCacheTest extends CacheContractTest {
  private final String location = "compressed-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("locmem")
        .location(location)
        .option("store_by_value", true)
        .option("compressor", "gzip");
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
