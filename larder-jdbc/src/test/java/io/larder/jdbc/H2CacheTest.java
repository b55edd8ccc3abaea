package io.larder.jdbc;

import java.util.UUID;

class H2CacheTest extends DatabaseStoreContractTest {
  private static final String URL =
      "jdbc:h2:mem:larder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Override
  protected String url() {
    return URL;
  }
}
