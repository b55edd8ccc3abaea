package io.larder.formats;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.util.Map;
import java.util.UUID;

/** The contract on local memory storing copies in one format; subclasses say which. */
abstract class LocMemFormatContractTest extends CacheContractTest {
  private final String location = getClass().getSimpleName() + "-" + UUID.randomUUID();

  /** The options that choose the format: a serializer, or a compressor and its minimum. */
  protected abstract Map<String, Object> format();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("locmem").location(location).option("store_by_value", true);
    format().forEach(cache::option);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
