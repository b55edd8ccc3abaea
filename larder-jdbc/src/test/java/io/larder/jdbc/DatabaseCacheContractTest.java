package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.CacheContractTest;
import io.larder.CacheException;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on one database; subclasses say which. The table is created on first use. */
abstract class DatabaseCacheContractTest extends CacheContractTest {
  static final String TABLE = "larder cache table";

  /** The JDBC URL of the database under test. */
  protected abstract String url();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("db").location(TABLE).option("url", url()).option("pool_size", 4);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }

  @Test
  void concurrentIncrementsOfOneKeyAreAllCounted() throws Exception {
    cache.set("counter", 0);
    List<Object> results =
        runConcurrently(
            8,
            () -> {
              for (int i = 0; i < 1_000; i++) {
                cache.incr("counter");
              }
              return null;
            });
    assertThat(results).hasSize(8);
    assertThat((Object) cache.get("counter")).isEqualTo(8_000);
  }

  @Test
  void concurrentAddsOfOneKeyHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "contended-" + round;
      List<Object> added = runConcurrently(8, () -> cache.add(key, Thread.currentThread().getName()));
      assertThat(added).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }
  }

  private void execute(String sql, String... parameters) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }

  private String quoted(String identifier) {
    return url().startsWith("jdbc:mariadb:") ? "`" + identifier + "`" : '"' + identifier + '"';
  }

  @Test
  void aCorruptRowIsAMissAndIsDeleted() throws SQLException {
    cache.set("k", "value");
    execute(
        "UPDATE " + quoted(TABLE) + " SET " + quoted("value") + " = 'not base64 !!' WHERE "
            + quoted("cache_key") + " = ?",
        cache.makeKey("k"));
    assertThat((Object) cache.get("k", "missing")).isEqualTo("missing");
    assertThat(cache.add("k", "fresh")).isTrue();
    assertThat((Object) cache.get("k")).isEqualTo("fresh");
  }

  @Test
  void aMissingTableIsAnErrorThatSaysToCreateIt() throws SQLException {
    execute("DROP TABLE " + quoted(TABLE));
    assertThatThrownBy(() -> cache.get("k"))
        .isInstanceOf(CacheException.class)
        .isNotInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(TABLE)
        .hasMessageContaining("createcachetable");
    assertThat(CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream())))
        .containsExactly(TABLE);
    cache.set("k", "back");
    assertThat((Object) cache.get("k")).isEqualTo("back");
  }

  /** Runs before the contract's own set-up, which clears the table. */
  @BeforeEach
  @Override
  protected void createCaches() {
    try (Caches setup =
        Caches.builder().environment(Map.of()).cache("default", this::configure).build()) {
      CacheTables.create(setup, false, new PrintStream(OutputStream.nullOutputStream()));
    }
    super.createCaches();
  }
}
