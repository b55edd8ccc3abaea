package io.larder.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The database cache on each database, beside raw JDBC running the same statement on the same
 * HikariCP pool: the gap is what Larder adds per call (key making, Base64 and serialization, the
 * expiry check, statistics, the cull schedule).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DatabaseBenchmark {
  static final int ENTRIES = 1_000;
  static final String TABLE = "larder_bench";

  @State(Scope.Benchmark)
  public static class Store {
    @Param({"postgresql", "mariadb", "sqlite", "h2"})
    public String database;

    BenchDatabase db;
    HikariDataSource pool;
    Caches caches;
    Cache cache;
    String selectOne;
    String selectTen;
    String upsert;
    String encodedValue;

    @Setup
    public void fill() throws SQLException, IOException {
      db = BenchDatabase.create(database);
      pool = new HikariDataSource(poolConfig(db));
      caches =
          BenchCaches.of(
              c ->
                  c.backend("db")
                      .location(TABLE)
                      .option("datasource", pool)
                      .option("max_entries", ENTRIES * 10));
      CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
      cache = caches.getDefault();
      for (String key : new Keys("key", ENTRIES).all()) {
        cache.set(key, "value of " + key);
      }
      String q = database.equals("mariadb") ? "`" : "\"";
      String key = q + "cache_key" + q;
      String select =
          "SELECT "
              + key
              + ", "
              + q
              + "value"
              + q
              + ", "
              + q
              + "expires"
              + q
              + " > ? FROM "
              + q
              + TABLE
              + q
              + " WHERE "
              + key
              + " IN (";
      selectOne = select + "?)";
      selectTen = select + String.join(", ", Collections.nCopies(10, "?")) + ")";
      upsert =
          switch (database) {
            case "postgresql" ->
                "INSERT INTO \""
                    + TABLE
                    + "\" VALUES (?, ?, ?) ON CONFLICT (cache_key) DO UPDATE"
                    + " SET value = EXCLUDED.value, expires = EXCLUDED.expires";
            case "mariadb" ->
                "INSERT INTO `"
                    + TABLE
                    + "` VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " `value` = VALUES(`value`), `expires` = VALUES(`expires`)";
            case "sqlite" -> "INSERT OR REPLACE INTO \"" + TABLE + "\" VALUES (?, ?, ?)";
            default -> "MERGE INTO \"" + TABLE + "\" KEY (\"cache_key\") VALUES (?, ?, ?)";
          };
      encodedValue = Base64.getEncoder().encodeToString("value of a key".getBytes());
    }

    /** The pool Larder would make from options.url, SQLite's settings included. */
    private static HikariConfig poolConfig(BenchDatabase db) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(db.url);
      config.setMaximumPoolSize(4);
      if (db.kind.equals("sqlite")) {
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      }
      return config;
    }

    Object now() {
      return timestamp(LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Five minutes from now to the millisecond, as Larder writes it: with whole seconds, MariaDB
     * would find most overwrites unchanged and skip writing them.
     */
    Object inFiveMinutes() {
      return timestamp(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5));
    }

    /** A UTC time as this database's expires column takes it. */
    private Object timestamp(LocalDateTime now) {
      LocalDateTime utc = now.truncatedTo(ChronoUnit.MILLIS);
      return switch (database) {
        case "postgresql" -> utc.atOffset(ZoneOffset.UTC);
        case "sqlite" -> utc.toString().replace('T', ' ');
        default -> utc;
      };
    }

    @TearDown
    public void drop() throws SQLException, IOException {
      caches.close();
      pool.close();
      db.close();
    }
  }

  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("key", ENTRIES);

    List<String> ten() {
      return present.next(10);
    }
  }

  @Benchmark
  public Object larderGetHit(Store s, ThreadKeys k) {
    return s.cache.get(k.present.next());
  }

  @Benchmark
  public Object rawGetHit(Store s, ThreadKeys k) throws SQLException {
    return select(s, s.selectOne, List.of(k.present.next())).get(0);
  }

  @Benchmark
  public Object larderGetMany10(Store s, ThreadKeys k) {
    return s.cache.getMany(k.ten());
  }

  @Benchmark
  public Object rawGetMany10(Store s, ThreadKeys k) throws SQLException {
    return select(s, s.selectTen, k.ten());
  }

  /** Overwrites existing keys, so the table stays at 1,000 rows. */
  @Benchmark
  public void larderSet(Store s, ThreadKeys k) {
    s.cache.set(k.present.next(), "value of a key");
  }

  @Benchmark
  public int rawSet(Store s, ThreadKeys k) throws SQLException {
    try (Connection connection = s.pool.getConnection();
        PreparedStatement upsert = connection.prepareStatement(s.upsert)) {
      upsert.setString(1, ":1:" + k.present.next());
      upsert.setString(2, s.encodedValue);
      upsert.setObject(3, s.inFiveMinutes());
      return upsert.executeUpdate();
    }
  }

  /** The rows' values as stored (Base64 text), live or not, as raw JDBC reads them. */
  private static List<String> select(Store s, String sql, List<String> keys) throws SQLException {
    try (Connection connection = s.pool.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, s.now());
      for (int i = 0; i < keys.size(); i++) {
        select.setString(i + 2, ":1:" + keys.get(i));
      }
      List<String> values = new ArrayList<>(keys.size());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (rows.getBoolean(3)) {
            values.add(rows.getString(2));
          }
        }
      }
      return values;
    }
  }
}
