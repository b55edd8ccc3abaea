package io.larder.jdbc;

import io.larder.testsupport.TestDatabases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

class PostgresCacheTest extends DatabaseCacheContractTest {
  @Override
  protected String url() {
    return TestDatabases.postgres();
  }

  @Override
  protected boolean storesInstants() {
    return true;
  }

  @Override
  protected LocalDateTime readExpiry(ResultSet row) throws SQLException {
    return LocalDateTime.ofInstant(
        row.getObject(1, OffsetDateTime.class).toInstant(), ZoneOffset.UTC);
  }
}
