package io.larder.spring;

import io.larder.Caches;
import java.util.Map;
import java.util.UUID;

/** Spring's cache contract on a local-memory cache. */
class LocMemSpringCacheTest extends SpringCacheContractTest {
  @Override
  protected Caches open() {
    return Caches.builder()
        .environment(Map.of())
        .config(
            Map.of(
                "default",
                Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
        .build();
  }
}
