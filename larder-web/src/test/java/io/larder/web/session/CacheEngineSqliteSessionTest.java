package io.larder.web.session;

import io.larder.Cache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cache} engine on a database cache in SQLite: sessions work on any backend. */
class CacheEngineSqliteSessionTest extends SessionContractTest {
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

  @Override
  SessionSettings.Builder settings() {
    return SessionSettings.builder();
  }

  @Override
  List<Cache> stores() {
    return List.of(caches.getDefault());
  }
}
