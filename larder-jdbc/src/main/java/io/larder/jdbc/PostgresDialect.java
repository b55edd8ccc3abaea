package io.larder.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * PostgreSQL: {@code timestamp with time zone} holds instants, so the expiry is the same row
 * whether the Django project uses {@code USE_TZ} or not.
 */
final class PostgresDialect extends Dialect {
  PostgresDialect() {
    super("text", "timestamp with time zone");
  }

  @Override
  String insertIfAbsent(String table) {
    return "INSERT INTO " + quote(table) + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  }

  @Override
  String upsert(String table) {
    return "INSERT INTO "
        + quote(table)
        + " VALUES (?, ?, ?) ON CONFLICT (cache_key) DO UPDATE"
        + " SET value = EXCLUDED.value, expires = EXCLUDED.expires";
  }

  @Override
  Object timestamp(Instant instant, ZoneId wallClock) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
