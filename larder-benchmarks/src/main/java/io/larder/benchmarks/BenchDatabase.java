package io.larder.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database for one benchmark run: on the machine's PostgreSQL (127.0.0.1:5432, user
 * postgres) and MariaDB (127.0.0.1:3306, user root), a new uniquely named database dropped
 * afterwards; SQLite, a file in WAL mode in a temporary directory; H2, in memory.
 */
final class BenchDatabase implements AutoCloseable {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

  final String kind;
  final String url;
  private final String name;
  private final Path dir;

  private BenchDatabase(String kind, String url, String name, Path dir) {
    this.kind = kind;
    this.url = url;
    this.name = name;
    this.dir = dir;
  }

  static BenchDatabase create(String kind) throws SQLException, IOException {
    String name = "larder_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (kind) {
      case "postgresql" -> {
        admin(POSTGRES + "postgres?user=postgres", "CREATE DATABASE " + name);
        yield new BenchDatabase(kind, POSTGRES + name + "?user=postgres", name, null);
      }
      case "mariadb" -> {
        admin(MARIADB + "?user=root", "CREATE DATABASE " + name);
        yield new BenchDatabase(kind, MARIADB + name + "?user=root", name, null);
      }
      case "sqlite" -> {
        Path dir = Files.createTempDirectory("larder-bench-sqlite");
        yield new BenchDatabase(kind, "jdbc:sqlite:" + dir.resolve("cache.sqlite3"), name, dir);
      }
      case "h2" ->
          new BenchDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", name, null);
      default -> throw new IllegalArgumentException("no such database: " + kind);
    };
  }

  private static void admin(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException, IOException {
    switch (kind) {
      case "postgresql" ->
          admin(POSTGRES + "postgres?user=postgres", "DROP DATABASE " + name + " WITH (FORCE)");
      case "mariadb" -> admin(MARIADB + "?user=root", "DROP DATABASE " + name);
      case "sqlite" -> {
        try (var files = Files.list(dir)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(dir);
      }
      case "h2" -> admin(url, "SHUTDOWN");
      default -> throw new IllegalStateException(kind);
    }
  }
}
