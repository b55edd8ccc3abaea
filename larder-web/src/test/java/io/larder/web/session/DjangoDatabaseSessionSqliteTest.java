package io.larder.web.session;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Django's db session engine on one SQLite file, as a Django project's db.sqlite3. */
class DjangoDatabaseSessionSqliteTest extends DjangoDatabaseSessionInteropTest {
  @TempDir Path dir;

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
