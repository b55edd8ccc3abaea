package io.larder.web.session;

import io.larder.Cache;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code cache} engine on a local-memory cache. */
class CacheEngineLocMemSessionTest extends SessionContractTest {
  @Override
  Map<String, Object> cachesConfig() {
    return Map.of("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
  }

  @Override
  SessionSettings.Builder settings() {
    return SessionSettings.builder();
  }

  @Override
  List<Cache> stores() {
    return List.of(caches.getDefault());
  }
}
