package io.larder.jdbc;

import io.larder.testsupport.TestDatabases;

class MariaDbCacheTest extends DatabaseStoreContractTest {
  @Override
  protected String url() {
    return TestDatabases.mariadb();
  }
}
