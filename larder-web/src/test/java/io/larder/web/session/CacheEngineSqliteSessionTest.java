package io.larder.web.session;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cache} engine on a database cache in SQLite: sessions work on any backend. */
class CacheEngineSqliteSessionTest extends CacheEngineSessionContractTest {
  @TempDir Path dir;

  @Override
  Map<String, Object> cachesConfig() {
    return Map.of(
        "default",
        Map.of(
            "backend", "db",
            "location", "larder_sessions",
            "options", Map.of("url", "jdbc:sqlite:" + dir.resolve("sessions.sqlite3"))));
  }
}
