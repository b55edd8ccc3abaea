package io.larder.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Django and Larder on one SQLite file, as a Django project's db.sqlite3. */
class DjangoSqliteInteropTest extends DjangoDatabaseInteropTest {
  @TempDir static Path dir;

  @Override
  protected String djangoDatabase() {
    return "{\"ENGINE\": \"django.db.backends.sqlite3\", \"NAME\": \"%s\"}"
        .formatted(dir.resolve("db.sqlite3"));
  }

  @Override
  protected String url() {
    return "jdbc:sqlite:" + dir.resolve("db.sqlite3");
  }
}
