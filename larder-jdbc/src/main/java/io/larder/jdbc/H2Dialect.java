package io.larder.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** H2, for tests and embedded use: {@code MERGE} for upserts. */
final class H2Dialect extends Dialect {
  @Override
  String name() {
    return "H2";
  }

  @Override
  String textType() {
    return "clob";
  }

  @Override
  String timestampType() {
    return "timestamp(6)";
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

  @Override
  Object timestamp(Instant instant, ZoneId wallClock) {
    return LocalDateTime.ofInstant(instant, wallClock);
  }
}
