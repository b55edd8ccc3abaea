package io.larder.web.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** {@code cached_db}: local memory in front of SQLite. */
class CachedDbSqliteSessionTest extends CachedDbSessionContractTest {
  @TempDir Path dir;

  @Override
  Map<String, Object> cachesConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    config.put(
        "sessions_db",
        Map.of(
            "backend", "db",
            "location", TABLE,
            "timeout", 1209600,
            "options",
                Map.of(
                    "url", "jdbc:sqlite:" + dir.resolve("sessions.sqlite3"),
                    "max_entries", 10_000_000)));
    return config;
  }
}
