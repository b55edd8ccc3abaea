package io.larder.formats;

import java.util.Map;

/** The contract on local memory storing serialized copies compressed with zstd. */
class LocMemZstdContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("compressor", "zstd", "compress_min_length", 0);
  }
}
