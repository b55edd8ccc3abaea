package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheStats;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.Timeout;
import io.larder.fault.HungServer;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real server killed mid-run (SIGKILL) and restarted on the same port: a strict cache throws a
 * clear exception, a fail-open cache misses and drops writes without one, and both recover by
 * themselves. The circuit breaker's interval runs on the test clock.
 */
class RedisFaultTest {
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock();
  private RedisServer server;
  private Caches caches;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    caches =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache(
                "default",
                c -> c.backend("redis").location(server.url()).option("socket_timeout", 2))
            .cache(
                "lenient",
                c ->
                    c.backend("redis")
                        .location(server.url())
                        .option("ignore_exceptions", true)
                        .option("circuit_breaker_interval", 5))
            .build();
  }

  @AfterEach
  void stop() {
    caches.close();
    server.close();
  }

  /** Retries {@code attempt}, moving the breaker's clock past its interval between tries. */
  private void awaitRecovery(Supplier<Boolean> attempt) {
    Await.until(
        "recovered",
        RECOVERY_BOUND,
        () -> {
          clock.advance(Duration.ofSeconds(6));
          return attempt.get();
        });
  }

  @Test
  void aStrictCacheThrowsAClearExceptionWhileTheServerIsDown() {
    Cache cache = caches.getDefault();
    cache.set("k", "v");
    server.kill();

    assertThatThrownBy(() -> cache.get("k"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("get failed on Redis at redis://127.0.0.1:" + server.port());
    assertThatThrownBy(() -> cache.set("k", "w")).isInstanceOf(BackendUnavailableException.class);
    assertThatThrownBy(() -> cache.incr("n")).isInstanceOf(BackendUnavailableException.class);
  }

  @Test
  void aStrictCacheRecoversWhenTheServerReturns() {
    Cache cache = caches.getDefault();
    cache.set("k", "before");
    server.kill();
    assertThatThrownBy(() -> cache.get("k")).isInstanceOf(BackendUnavailableException.class);
    server.restart();

    awaitRecovery(
        () -> {
          cache.set("k", "after");
          return true;
        });
    assertThat((String) cache.get("k")).isEqualTo("after");
  }

  @Test
  void aFailOpenCacheMissesAndDropsWritesWithoutAnException() {
    Cache cache = caches.get("lenient");
    cache.set("k", "v");
    server.kill();
    CacheStats before = cache.stats();

    assertThat((Object) cache.get("k")).isNull();
    assertThat(cache.get("k", "fallback")).isEqualTo("fallback");
    assertThatCode(() -> cache.set("k", "w")).doesNotThrowAnyException();
    assertThat(cache.add("a", 1)).isFalse();
    assertThat(cache.getMany(List.of("k", "a"))).isEmpty();
    assertThat(cache.setMany(Map.of("x", 1))).containsExactly("x");
    assertThat(cache.delete("k")).isFalse();
    assertThat(cache.getOrSet("computed", () -> "fresh")).isEqualTo("fresh");
    assertThatCode(cache::clear).doesNotThrowAnyException();
    RedisExtension redis = cache.unwrap(RedisExtension.class);
    assertThat(redis.keys("*")).isEmpty();
    assertThat(redis.ttl("k")).isEqualTo(Timeout.seconds(0));
    assertThat(redis.persist("k")).isFalse();
    assertThat(redis.deletePattern("*")).isZero();

    CacheStats after = cache.stats();
    assertThat(after.misses() - before.misses()).isGreaterThanOrEqualTo(4);
    assertThat(after.errors() - before.errors()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aFailOpenCacheStopsCallingADeadServerUntilTheIntervalPasses() {
    Cache cache = caches.get("lenient");
    cache.set("k", "v");
    server.kill();
    assertThat((Object) cache.get("k")).isNull();
    server.restart();

    // The server is back, but within the interval the cache still answers from the open breaker.
    assertThat(cache.get("k", "breaker open")).isEqualTo("breaker open");

    awaitRecovery(
        () -> {
          cache.set("k", "after");
          return "after".equals(cache.get("k"));
        });
  }

  @Test
  void aCacheCreatedWhileTheServerIsDownConnectsWhenItComesUp() {
    server.kill();
    Cache cache = caches.get("lenient");
    assertThat((Object) cache.get("k")).isNull();
    Cache strict = caches.getDefault();
    assertThatThrownBy(() -> strict.get("k")).isInstanceOf(BackendUnavailableException.class);
    server.restart();

    awaitRecovery(
        () -> {
          strict.set("k", 1, Timeout.seconds(60));
          return Integer.valueOf(1).equals(cache.get("k"));
        });
  }

  @Test
  void aHungServerCostsOneTimeoutPerIntervalNotOnePerCall() {
    Caches hung =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache(
                "default",
                c ->
                    c.backend("redis")
                        .location(server.url())
                        .option("ignore_exceptions", true)
                        .option("socket_timeout", 0.2))
            .build();
    try (hung) {
      Cache cache = hung.getDefault();
      cache.set("k", "v");
      long before = server.commandCalls("get");
      server.freeze();
      for (int i = 0; i < 20; i++) {
        assertThat((Object) cache.get("k")).isNull();
      }
      server.thaw();

      // Every GET written to the frozen server's socket runs once it thaws; only the first was.
      Await.until("the frozen GET ran", RECOVERY_BOUND, () -> server.commandCalls("get") > before);
      assertThat(server.commandCalls("get") - before).isEqualTo(1);
      assertThat(cache.stats().errors()).isGreaterThanOrEqualTo(20);
    }
  }

  // A hung Redis must cost one socket timeout per call, not a second one for a new connection.
  @Test
  @org.junit.jupiter.api.Timeout(120) // a call that hangs with the server must fail the test, not stall the build
  void aHungServerCostsOneTimeoutPerCallAndNothingOnceTheBreakerIsOpen() {
    Caches real =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> c.backend("redis").location(server.url()).option("socket_timeout", 1))
            .cache(
                "lenient",
                c ->
                    c.backend("redis")
                        .location(server.url())
                        .option("socket_timeout", 1)
                        .option("ignore_exceptions", true)
                        .option("circuit_breaker_interval", 60))
            .build();
    try (real) {
      HungServer.assertBounded(
          real.getDefault(), real.get("lenient"), Duration.ofSeconds(1), server::freeze, server::thaw);
    }
  }
}
