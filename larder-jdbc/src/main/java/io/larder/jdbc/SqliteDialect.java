package io.larder.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * SQLite: {@code expires} is text, {@code YYYY-MM-DD HH:MM:SS} as Django writes it (with a fraction
 * only when there is one), so comparing the text compares the times. Writers are serialized by
 * {@code BEGIN IMMEDIATE} transactions, hence no row locking.
 */
final class SqliteDialect extends Dialect {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  SqliteDialect() {
    super("text", "datetime");
  }

  @Override
  String insertIfAbsent(String table) {
    return "INSERT OR IGNORE INTO " + quote(table) + " VALUES (?, ?, ?)";
  }

  @Override
  String upsert(String table) {
    return "INSERT OR REPLACE INTO " + quote(table) + " VALUES (?, ?, ?)";
  }

  @Override
  String lockRow() {
    return "";
  }

  /** SQLite reports every error with one generic code; its message names a missing table. */
  @Override
  boolean isMissingTable(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("no such table");
  }

  @Override
  Object timestamp(Instant instant, ZoneId wallClock) {
    LocalDateTime wall = LocalDateTime.ofInstant(instant, wallClock);
    return (wall.getNano() == 0 ? SECONDS : MICROS).format(wall);
  }
}
