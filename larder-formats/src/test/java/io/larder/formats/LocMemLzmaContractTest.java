package io.larder.formats;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.UUID;

/** The contract on local memory storing serialized copies compressed with lzma. */
class LocMemLzmaContractTest extends CacheContractTest {
  private final String location = "lzma-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("locmem")
        .location(location)
        .option("store_by_value", true)
        .option("compressor", "lzma")
        .option("compress_min_length", 0);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
