package io.larder.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** MariaDB and MySQL: backquoted names, {@code longtext} and {@code datetime(6)}, as Django. */
final class MySqlDialect extends Dialect {
  MySqlDialect() {
    super("longtext", "datetime(6)");
  }

  @Override
  String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override
  String insertIfAbsent(String table) {
    return "INSERT IGNORE INTO " + quote(table) + " VALUES (?, ?, ?)";
  }

  @Override
  String upsert(String table) {
    return "INSERT INTO "
        + quote(table)
        + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
        + " `value` = VALUES(`value`), `expires` = VALUES(`expires`)";
  }

  @Override
  Object timestamp(Instant instant, ZoneId wallClock) {
    return LocalDateTime.ofInstant(instant, wallClock);
  }
}
