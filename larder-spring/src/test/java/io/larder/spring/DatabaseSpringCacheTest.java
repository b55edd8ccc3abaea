package io.larder.spring;

import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Spring's cache contract on the database backend (SQLite). */
class DatabaseSpringCacheTest extends SpringCacheContractTest {
  @TempDir static Path dir;

  @Override
  protected Caches open() {
    Caches caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of(
                        "backend",
                        "db",
                        "location",
                        "spring_cache",
                        "options",
                        Map.of("url", "jdbc:sqlite:" + dir.resolve("spring.sqlite3")))))
            .build();
    CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
    return caches;
  }
}
