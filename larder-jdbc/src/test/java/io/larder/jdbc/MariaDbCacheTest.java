package io.larder.jdbc;

class MariaDbCacheTest extends DatabaseCacheContractTest {
  @Override
  protected String url() {
    return TestDatabases.mariadb();
  }
}
