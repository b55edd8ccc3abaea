package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.testsupport.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped in the middle of a run, on a server of the test's own: a cache that fails open
 * keeps serving, one that does not raises a clear error, and both recover by themselves when the
 * database is back. Every wait is bounded by {@code connect_timeout}.
 */
class PostgresOutageTest {
  private static final int RECONNECT_ATTEMPTS = 10;
  private static final Object MISS = new Object();
  private static PostgresServer server;
  private Caches caches;
  private Cache strict;
  private Cache failOpen;

  @BeforeAll
  static void startServer() {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void open() {
    server.restart();
    try (Caches setup = caches(10)) {
      CacheTables.create(setup, false, new PrintWriter(new StringWriter()));
      setup.getDefault().clear();
    }
    caches = caches(1);
    strict = caches.getDefault();
    failOpen = caches.get("failing_open");
    // Connected before the outage, as a running application's pool is.
    strict.hasKey("warm");
    failOpen.hasKey("warm");
  }

  /** The same table through a strict and a failing-open cache, waiting at most that long. */
  private static Caches caches(double connectTimeoutSeconds) {
    return Caches.builder()
        .environment(Map.of())
        .cache("default", c -> on(c.backend("db"), connectTimeoutSeconds))
        .cache(
            "failing_open",
            // Without the circuit breaker, so that every call meets the outage (its own test below).
            c ->
                on(c.backend("db"), connectTimeoutSeconds)
                    .option("ignore_exceptions", true)
                    .option("circuit_breaker_interval", 0))
        .cache(
            "breaker",
            c -> on(c.backend("db"), connectTimeoutSeconds).option("ignore_exceptions", true))
        .build();
  }

  private static CacheDefinition on(CacheDefinition c, double connectTimeoutSeconds) {
    return c.location("outage cache")
        .option("url", server.jdbcUrl())
        .option("connect_timeout", connectTimeoutSeconds)
        .option("pool_size", 2);
  }

  @AfterEach
  void close() {
    caches.close();
  }

  /**
   * The value of {@code key} once the pool has reconnected: HikariCP retries connecting with a
   * back-off of up to a few seconds, so this allows up to 10 attempts of one connect_timeout each.
   */
  private static Object firstHit(Cache cache, String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        Object value = cache.get(key, MISS);
        if (value != MISS || attempt == RECONNECT_ATTEMPTS) {
          return value;
        }
      } catch (BackendUnavailableException e) {
        if (attempt == RECONNECT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Test
  void failingOpenReadsMissAndWritesAreDroppedWhileTheDatabaseIsDown() {
    failOpen.set("k", "v");
    server.stop();

    assertThat((Object) failOpen.get("k", "miss")).isEqualTo("miss");
    failOpen.set("k", "new");
    assertThat(failOpen.add("other", "v")).isFalse();
    assertThat(failOpen.hasKey("k")).isFalse();
    assertThat(failOpen.getMany(List.of("k", "other"))).isEmpty();
    assertThat(failOpen.touch("k", Timeout.seconds(10))).isFalse();
    assertThat(failOpen.delete("k")).isFalse();
    assertThat(failOpen.stats().errors()).isEqualTo(7);

    server.restart();
    assertThat(firstHit(failOpen, "k")).as("the value before the dropped write").isEqualTo("v");
  }

  @Test
  void withoutFailingOpenADownDatabaseIsAClearError() {
    strict.set("k", "v");
    server.stop();

    assertThatThrownBy(() -> strict.get("k"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageStartingWith("Cache 'default': the database failed");
    assertThatThrownBy(() -> strict.set("k", "new"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageStartingWith("Cache 'default': the database failed");
    assertThat(strict.stats().errors()).isEqualTo(2);
  }

  @Test
  void theErrorSaysWhyNoConnectionCouldBeMade() {
    server.stop();
    try (Caches fresh = caches(1)) {
      assertThatThrownBy(() -> fresh.getDefault().get("k"))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("Connection to 127.0.0.1:" + server.port() + " refused");
    }
  }

  @Test
  void incrRaisesEvenWhenFailingOpen() {
    failOpen.set("n", 1);
    server.stop();
    assertThatThrownBy(() -> failOpen.incr("n")).isInstanceOf(BackendUnavailableException.class);
  }

  // While the database is down, an open breaker spares each call the connection timeout's wait.
  @Test
  void whileTheBreakerIsOpenCallsFailOpenWithoutTouchingTheDatabase() {
    Cache breaker = caches.get("breaker");
    breaker.set("k", "v");
    server.stop();
    assertThat((Object) breaker.get("k", "miss")).isEqualTo("miss");
    assertThatThrownBy(() -> breaker.incr("k"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("not sent")
        .hasMessageContaining("failed recently");
    assertThat((Object) breaker.get("k", "miss")).isEqualTo("miss");
    assertThat(breaker.stats().errors()).isEqualTo(3);
  }

  @Test
  void thePoolRecoversByItselfWhenTheDatabaseIsBack() {
    strict.set("k", "before");
    failOpen.set("n", 1);
    server.stop();
    assertThatThrownBy(() -> strict.get("k")).isInstanceOf(BackendUnavailableException.class);
    assertThat((Object) failOpen.get("n", "miss")).isEqualTo("miss");

    server.restart();
    assertThat(firstHit(strict, "k")).isEqualTo("before");
    strict.set("k", "after");
    assertThat((Object) strict.get("k")).isEqualTo("after");
    assertThat(failOpen.incr("n")).isEqualTo(2);
  }
}
