package io.larder.formats;

import java.util.Map;

/** The contract on local memory storing serialized copies compressed with lzma. */
class LocMemLzmaContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("compressor", "lzma", "compress_min_length", 0);
  }
}
