package io.larder.web.session;

import io.larder.testsupport.TestDatabases;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code cached_db}: local memory in front of a fresh PostgreSQL database on the machine. */
class CachedDbPostgresSessionTest extends CachedDbSessionContractTest {
  private final String table = TABLE + "_" + UUID.randomUUID().toString().substring(0, 8);

  @Override
  Map<String, Object> cachesConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    config.put(
        "sessions_db",
        Map.of(
            "backend", "db",
            "location", table,
            "options", Map.of("url", TestDatabases.postgres(), "max_entries", 10_000_000)));
    return config;
  }
}
