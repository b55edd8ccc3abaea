package io.larder.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What differs between databases: column types, identifier quoting, the insert-if-absent and upsert
 * statements, row locking, and how an expiry time is bound. Everything else is plain SQL.
 */
abstract class Dialect {
  private final String textType;
  private final String timestampType;

  /**
   * The column types {@code createcachetable} gives on this database.
   *
   * @param textType the column type of {@code value}, as Django's {@code TextField} here
   * @param timestampType the column type of {@code expires}, as Django's {@code DateTimeField}
   */
  Dialect(String textType, String timestampType) {
    this.textType = textType;
    this.timestampType = timestampType;
  }

  /** {@code INSERT} of (cache_key, value, expires) that does nothing when the key exists. */
  abstract String insertIfAbsent(String table);

  /** {@code INSERT} of (cache_key, value, expires) that replaces an existing row. */
  abstract String upsert(String table);

  /** The expiry as the JDBC value this database's column takes. */
  abstract Object timestamp(Instant instant, ZoneId wallClock);

  /** Appended to the SELECT that {@code incr} reads under its transaction. */
  String lockRow() {
    return " FOR UPDATE";
  }

  String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Django's {@code createcachetable} statements, in this database's types. */
  List<String> createTable(String table) {
    return List.of(
        "CREATE TABLE "
            + quote(table)
            + " (\n    "
            + quote("cache_key")
            + " varchar(255) NOT NULL PRIMARY KEY,\n    "
            + quote("value")
            + " "
            + textType
            + " NOT NULL,\n    "
            + quote("expires")
            + " "
            + timestampType
            + " NOT NULL\n)",
        "CREATE INDEX "
            + quote(table + "_expires")
            + " ON "
            + quote(table)
            + " ("
            + quote("expires")
            + ")");
  }

  /** True if the statement failed because a row with the key already exists. */
  boolean isDuplicateKey(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  /** True if the statement failed because the table does not exist (SQLSTATE 42P01 or 42S02). */
  boolean isMissingTable(SQLException e) {
    return "42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState());
  }

  /** The dialect of a database, from its JDBC product name. */
  static Dialect of(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return new PostgresDialect();
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return new MySqlDialect();
    }
    if (name.contains("sqlite")) {
      return new SqliteDialect();
    }
    if (name.equals("h2")) {
      return new H2Dialect();
    }
    throw new UnsupportedOperationException(
        "no dialect for the database '"
            + productName
            + "'; supported: PostgreSQL, MariaDB, MySQL, SQLite, H2");
  }
}
