package io.larder.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** SQLite in a file, in WAL mode, as a Django project's db.sqlite3. */
class SqliteCacheTest extends DatabaseStoreContractTest {
  @TempDir static Path dir;

  @Override
  protected String url() {
    return "jdbc:sqlite:" + dir.resolve("cache.sqlite3");
  }
}
