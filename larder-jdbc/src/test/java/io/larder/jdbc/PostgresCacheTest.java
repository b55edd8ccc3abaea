package io.larder.jdbc;

class PostgresCacheTest extends DatabaseCacheContractTest {
  @Override
  protected String url() {
    return TestDatabases.postgres();
  }
}
