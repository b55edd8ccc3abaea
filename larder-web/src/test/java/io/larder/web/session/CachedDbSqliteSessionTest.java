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
    config.put("sessions_db", sqliteDatabase(dir.resolve("sessions.sqlite3")));
    return config;
  }
}
