package io.larder.jdbc;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.formats.StoredFormatsTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The formats in a database table: the {@code value} column holds Base64 of the compressed,
 * serialized bytes, as Django's {@code DatabaseCache} writes a pickle. Subclasses say which
 * database.
 */
abstract class DatabaseStoredFormatsTest extends StoredFormatsTest {
  private static final String TABLE = "larder formats table";

  /** The JDBC URL of the database under test. */
  protected abstract String url();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("db").location(TABLE).option("url", url()).option("pool_size", 2);
  }

  @BeforeAll
  void createTable() {
    try (Caches setup =
        Caches.builder().environment(Map.of()).cache("default", this::configure).build()) {
      CacheTables.create(setup, false, new PrintStream(OutputStream.nullOutputStream()));
    }
  }

  @Override
  protected byte[] storedValue(Cache cache, String key) throws Exception {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT \"value\" FROM \"" + TABLE + "\" WHERE \"cache_key\" = ?")) {
      select.setString(1, cache.makeKey(key));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Base64.getDecoder().decode(row.getString(1));
      }
    }
  }
}
