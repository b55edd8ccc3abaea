package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Sets on a PostgreSQL cache table of 200,000 rows (below {@code max_entries}), counting the rows
 * before every write as Django does ({@code cull_count_every: 1}) and as Larder does by default.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CullCountBenchmark {
  static final int ROWS = 200_000;

  @State(Scope.Benchmark)
  public static class Store {
    @Param({"1", "1000"})
    public int cullCountEvery;

    BenchDatabase db;
    Caches caches;
    Cache cache;

    @Setup
    public void fill() throws SQLException, IOException {
      db = BenchDatabase.create("postgresql");
      caches =
          BenchCaches.of(
              c ->
                  c.backend("db")
                      .location("larder_bench")
                      .option("url", db.url)
                      .option("pool_size", 2)
                      .option("max_entries", ROWS * 10)
                      .option("cull_count_every", cullCountEvery));
      CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
      try (Connection connection = DriverManager.getConnection(db.url);
          Statement insert = connection.createStatement()) {
        insert.execute(
            "INSERT INTO larder_bench SELECT ':1:fill' || i, 'dmFsdWU=', now() + interval '1 day'"
                + " FROM generate_series(1, "
                + ROWS
                + ") AS i");
        insert.execute("ANALYZE larder_bench");
      }
      cache = caches.getDefault();
    }

    @TearDown
    public void drop() throws SQLException, IOException {
      caches.close();
      db.close();
    }
  }

  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys keys = new Keys("key", 1_000);
  }

  @Benchmark
  public void set(Store s, ThreadKeys k) {
    s.cache.set(k.keys.next(), "value of a key");
  }
}
