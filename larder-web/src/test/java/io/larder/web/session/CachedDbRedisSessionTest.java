package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.RedisServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cached_db}: a Redis server of this test's own in front of SQLite, so that the cache can
 * crash and restart (empty, as Redis without persistence does) under live sessions.
 */
class CachedDbRedisSessionTest extends CachedDbSessionContractTest {
  private static RedisServer redis;

  @TempDir Path dir;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Override
  Map<String, Object> cachesConfig() {
    // Each test starts on a running, empty server, whatever the test before did to it.
    redis.restart();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        "default",
        Map.of(
            "backend", "redis",
            "location", redis.url(0),
            "options", Map.of("socket_timeout", 1, "socket_connect_timeout", 1)));
    config.put("sessions_db", sqliteDatabase(dir.resolve("sessions.sqlite3")));
    return config;
  }

  @Test
  void aCrashAndRestartOfRedisLosesNoSession() {
    browser.get("/counter");
    browser.get("/counter");

    redis.kill();
    redis.restart();

    assertThat(redis.command("DBSIZE").strip()).isEqualTo("0");
    assertThat(browser.body("/counter")).isEqualTo("3");
    assertThat(browser.body("/peek")).isEqualTo("3");
  }

  @Test
  void whileRedisIsDownSessionsAreReadAndWrittenInTheDatabase() {
    browser.get("/counter");

    redis.kill();

    assertThat(browser.body("/counter")).isEqualTo("2");
    assertThat(browser.body("/counter")).isEqualTo("3");
    redis.restart();
    assertThat(browser.body("/counter")).isEqualTo("4");
  }

  @Test
  void aSessionCreatedWhileRedisIsDownSurvivesItsReturn() {
    redis.kill();
    browser.get("/counter");

    redis.restart();

    assertThat(browser.body("/peek")).isEqualTo("1");
  }
}
