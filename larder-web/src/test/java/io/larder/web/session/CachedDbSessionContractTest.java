package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code cached_db} engine: a local-memory cache in front of a database cache; subclasses say
 * which database. The durable copy survives whatever happens to the cache.
 */
abstract class CachedDbSessionContractTest extends SessionContractTest {
  static final String TABLE = "larder_sessions";

  @Override
  SessionSettings.Builder settings() {
    return SessionSettings.builder().engine(SessionEngine.CACHED_DB).databaseAlias("sessions_db");
  }

  @Override
  List<Cache> stores() {
    return List.of(caches.getDefault(), caches.get("sessions_db"));
  }

  Cache cache() {
    return caches.getDefault();
  }

  Cache database() {
    return caches.get("sessions_db");
  }

  @Test
  void aFlushOfTheCacheLosesNoSession() {
    browser.get("/counter");
    browser.get("/counter");

    cache().clear();

    assertThat(browser.body("/counter")).isEqualTo("3");
  }

  @Test
  void aSessionReadFromTheDatabaseIsCachedAgain() {
    browser.get("/counter");
    cache().clear();
    browser.get("/peek");
    long databaseReads = database().stats().hits() + database().stats().misses();

    assertThat(browser.body("/peek")).isEqualTo("1");
    assertThat(database().stats().hits() + database().stats().misses()).isEqualTo(databaseReads);
  }

  @Test
  void aCachedSessionIsReadWithoutADatabaseQuery() {
    browser.get("/counter");
    long databaseReads = database().stats().hits() + database().stats().misses();

    assertThat(browser.body("/peek")).isEqualTo("1");
    assertThat(database().stats().hits() + database().stats().misses()).isEqualTo(databaseReads);
  }

  @Test
  void createCacheTableCreatesTheSessionsTable() {
    assertThat(createdTables).containsExactly(database().settings().location());
    assertThat(CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream())))
        .isEmpty();
  }
}
