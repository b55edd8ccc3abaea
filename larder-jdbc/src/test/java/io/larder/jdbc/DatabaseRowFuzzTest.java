package io.larder.jdbc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.DisallowedClassException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Cache rows of any value, as anyone who can write the cache table may leave them (on SQLite, the
 * quickest real database to rewrite per input): {@code get} answers a value or a miss, never an
 * exception (but for a class outside the allow-list), an {@code Error} or a hang. The input is
 * either the row's text as it is or Base64 of fuzzed bytes, so that both the text and the
 * serialized value are explored. Seeds in {@code DatabaseRowFuzzTestInputs}.
 */
class DatabaseRowFuzzTest {
  private static final String TABLE = "fuzzed_cache";
  private static Path dir;
  private static String url;
  private static Caches caches;
  private static Cache cache;

  @BeforeAll
  static void open() throws IOException {
    dir = Files.createTempDirectory("larder-row-fuzz");
    url = "jdbc:sqlite:" + dir.resolve("cache.sqlite3");
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("db")
                        .location(TABLE)
                        .option("url", url)
                        .option("max_value_size", 1 << 20))
            .build();
    cache = caches.getDefault();
    CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterAll
  static void close() throws IOException {
    caches.close();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "10s")
  void anyRowIsAValueOrAMiss(FuzzedDataProvider data) throws SQLException {
    boolean encoded = data.consumeBoolean();
    String value =
        encoded
            ? Base64.getEncoder().encodeToString(data.consumeRemainingAsBytes())
            : data.consumeRemainingAsString();
    cache.set("k", "placeholder");
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + TABLE + " SET value = ? WHERE cache_key = ?")) {
      update.setString(1, value);
      update.setString(2, cache.makeKey("k"));
      update.executeUpdate();
    }
    try {
      cache.get("k");
    } catch (DisallowedClassException configurationError) {
      // a well-formed value of a class the allow-list does not name: an error by design
    }
  }
}
