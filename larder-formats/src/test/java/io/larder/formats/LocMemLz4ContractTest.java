package io.larder.formats;

import java.util.Map;

/** The contract on local memory storing serialized copies compressed with lz4. */
class LocMemLz4ContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("compressor", "lz4", "compress_min_length", 0);
  }
}
