package io.larder.jdbc;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The contract on one database; subclasses say which. The table is created on first use. */
abstract class DatabaseCacheContractTest extends CacheContractTest {
  static final String TABLE = "larder cache table";

  /** The JDBC URL of the database under test. */
  protected abstract String url();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("db").location(TABLE).option("url", url()).option("pool_size", 4);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }

  /** Runs before the contract's own set-up, which clears the table. */
  @BeforeEach
  @Override
  protected void createCaches() {
    try (Caches setup =
        Caches.builder().environment(Map.of()).cache("default", this::configure).build()) {
      CacheTables.create(setup, false, new PrintStream(OutputStream.nullOutputStream()));
    }
    super.createCaches();
  }
}
