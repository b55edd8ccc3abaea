package io.larder.formats;

import java.util.Map;

/** The contract on local memory storing copies as json_typed. */
class LocMemJsonTypedContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("serializer", "json_typed");
  }
}
