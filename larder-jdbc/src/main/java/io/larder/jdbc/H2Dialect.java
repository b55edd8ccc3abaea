package io.larder.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/** H2, for tests and embedded use: {@code MERGE} for upserts. */
final class H2Dialect extends Dialect {
  H2Dialect() {
    super("clob", "timestamp(6)");
  }

  /** A plain insert: H2 has no insert-or-ignore, so a duplicate key fails and means "present". */
  @Override
  String insertIfAbsent(String table) {
    return "INSERT INTO " + quote(table) + " VALUES (?, ?, ?)";
  }

  @Override
  String upsert(String table) {
    return "MERGE INTO " + quote(table) + " KEY (" + quote("cache_key") + ") VALUES (?, ?, ?)";
  }

  /** H2 2.x: error code 42102 for a missing table, 42103/42104 when it suggests others or none. */
  @Override
  boolean isMissingTable(SQLException e) {
    return Set.of(42102, 42103, 42104).contains(e.getErrorCode());
  }

  @Override
  Object timestamp(Instant instant, ZoneId wallClock) {
    return LocalDateTime.ofInstant(instant, wallClock);
  }
}
