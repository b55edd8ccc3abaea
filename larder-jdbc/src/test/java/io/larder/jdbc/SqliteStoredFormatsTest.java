package io.larder.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The formats in a SQLite file. */
class SqliteStoredFormatsTest extends DatabaseStoredFormatsTest {
  @TempDir static Path dir;

  @Override
  protected String url() {
    return "jdbc:sqlite:" + dir.resolve("formats.sqlite3");
  }
}
