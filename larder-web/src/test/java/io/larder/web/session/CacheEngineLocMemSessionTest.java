package io.larder.web.session;

import java.util.Map;
import java.util.UUID;

/** The {@code cache} engine on a local-memory cache. */
class CacheEngineLocMemSessionTest extends CacheEngineSessionContractTest {
  @Override
  Map<String, Object> cachesConfig() {
    return Map.of("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
  }
}
