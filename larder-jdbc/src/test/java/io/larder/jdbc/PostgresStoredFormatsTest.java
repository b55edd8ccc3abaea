package io.larder.jdbc;

import io.larder.testsupport.TestDatabases;

/** The formats in a PostgreSQL table. */
class PostgresStoredFormatsTest extends DatabaseStoredFormatsTest {
  @Override
  protected String url() {
    return TestDatabases.postgres();
  }
}
