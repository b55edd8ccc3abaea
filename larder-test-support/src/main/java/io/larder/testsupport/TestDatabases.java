package io.larder.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh, uniquely named databases on the machine's PostgreSQL and MariaDB servers (they refuse to
 * run as root from a temp directory, so tests cannot start their own), dropped when the test JVM
 * exits. The admin URLs can be overridden with {@code LARDER_TEST_POSTGRES_URL} and {@code
 * LARDER_TEST_MARIADB_URL}. A server that cannot be reached fails the test, naming the package to
 * install. The JDBC driver must be on the test's class path.
 *
 * <pre>{@code
 * String url = TestDatabases.postgres();   // jdbc:postgresql://127.0.0.1:5432/larder_test_…
 * }</pre>
 */
public final class TestDatabases {
  private static final String POSTGRES_ADMIN =
      System.getenv()
          .getOrDefault(
              "LARDER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
  private static final String MARIADB_ADMIN =
      System.getenv()
          .getOrDefault("LARDER_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root");
  private static final Map<String, String> CREATED = new ConcurrentHashMap<>();

  private TestDatabases() {}

  /** The JDBC URL of this run's PostgreSQL database, created on first use. */
  public static String postgres() {
    return CREATED.computeIfAbsent(
        "postgres",
        k -> {
          String name = uniqueName();
          admin(POSTGRES_ADMIN, "CREATE DATABASE " + name, "postgresql (apt-get install postgresql)");
          dropAtExit(POSTGRES_ADMIN, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
        });
  }

  /** The name of this run's PostgreSQL database, for clients other than JDBC (Django). */
  public static String postgresDatabase() {
    String url = postgres();
    return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
  }

  /** The JDBC URL of this run's MariaDB database, created on first use. */
  public static String mariadb() {
    return CREATED.computeIfAbsent(
        "mariadb",
        k -> {
          String name = uniqueName();
          admin(
              MARIADB_ADMIN,
              "CREATE DATABASE " + name,
              "mariadb-server (apt-get install mariadb-server)");
          dropAtExit(MARIADB_ADMIN, "DROP DATABASE IF EXISTS " + name);
          return "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
        });
  }

  private static String uniqueName() {
    return "larder_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void admin(String url, String sql, String server) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(
          "cannot reach the test database server at "
              + url
              + " ("
              + e.getMessage()
              + "); install and start "
              + server
              + ", or run scripts/test, which does",
          e);
    }
  }

  private static void dropAtExit(String url, String sql) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(url);
                      Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                  } catch (SQLException ignored) {
                    // Best effort: a leftover larder_test_ database holds only test rows.
                  }
                }));
  }
}
