package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which client serves a cache's synchronous calls: on one server over TCP, Jedis's pool (its
 * connections named {@code larder}), bounded by {@code max_connections}; with {@code sync_client:
 * lettuce}, the one Lettuce connection. {@code async()} is Lettuce's either way.
 */
class RedisSyncClientTest {
  private static final Pattern LARDER_CLIENT = Pattern.compile("(?m)\\bname=larder\\b");

  private RedisServer server;

  @BeforeEach
  void start() {
    server = RedisServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int jedisConnections() {
    Matcher named = LARDER_CLIENT.matcher(server.command("CLIENT", "LIST"));
    int count = 0;
    while (named.find()) {
      count++;
    }
    return count;
  }

  @Test
  void syncCallsOnOneServerRunOnJedisAndAsyncOnLettuce() {
    try (Caches caches = RedisCaches.of(c -> c.location(server.url()))) {
      Cache cache = caches.getDefault();
      cache.set("k", "v");
      assertThat((String) cache.get("k")).isEqualTo("v");
      assertThat(jedisConnections()).isEqualTo(1);
      long before = server.commandCalls("get");
      assertThat(cache.async().<String>get("k").toCompletableFuture().join()).isEqualTo("v");
      assertThat(server.commandCalls("get")).isEqualTo(before + 1);
      assertThat(jedisConnections()).isEqualTo(1);
    }
    Await.until("Jedis's connections closed with the caches", Duration.ofSeconds(5), () -> jedisConnections() == 0);
  }

  @Test
  void syncClientLettuceKeepsEveryCallOnTheLettuceConnection() {
    try (Caches caches =
        RedisCaches.of(c -> c.location(server.url()).option("sync_client", "lettuce"))) {
      Cache cache = caches.getDefault();
      cache.set("k", "v");
      assertThat((String) cache.get("k")).isEqualTo("v");
      assertThat(jedisConnections()).isZero();
    }
  }

  @Test
  void concurrentCallsShareAtMostMaxConnectionsPooledConnections() throws Exception {
    try (Caches caches =
        RedisCaches.of(c -> c.location(server.url()).option("max_connections", 3))) {
      assertThat(connectionsUnderEightThreads(caches.getDefault())).isBetween(1, 3);
    }
  }

  @Test
  void callsFindingEveryPooledConnectionBusyGoOverTheLettuceConnection() throws Exception {
    try (Caches caches =
        RedisCaches.of(c -> c.location(server.url()).option("max_connections", 1))) {
      assertThat(connectionsUnderEightThreads(caches.getDefault())).isEqualTo(1);
      // Eight threads on one pooled connection overflow at once: the Lettuce connection opened.
      assertThat(server.command("CLIENT", "LIST").lines())
          .filteredOn(l -> !l.contains("name=larder") && !l.contains("cmd=client|list"))
          .hasSize(1);
    }
  }

  @Test
  void djangoRedisConnectionPoolKwargsBoundThePoolToo() throws Exception {
    Map<String, Object> django =
        Map.of(
            "BACKEND", "django_redis.cache.RedisCache",
            "LOCATION", server.url(),
            "OPTIONS", Map.of("CONNECTION_POOL_KWARGS", Map.of("max_connections", 2)));
    try (Caches caches = Caches.builder().environment(Map.of()).config(Map.of("default", django)).build()) {
      assertThat(connectionsUnderEightThreads(caches.getDefault())).isBetween(1, 2);
    }
  }

  /** Eight threads setting and reading their own keys at once; the Jedis connections then open. */
  private int connectionsUnderEightThreads(Cache cache) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  int right = 0;
                  for (int i = 0; i < 300; i++) {
                    String key = "t" + thread + ":" + i;
                    cache.set(key, i);
                    right += cache.<Integer>get(key) == i ? 1 : 0;
                  }
                  return right;
                }));
      }
      for (Future<Integer> thread : done) {
        assertThat(thread.get()).isEqualTo(300);
      }
      return jedisConnections();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRestartedServerIsUsedAgainWithAFreshConnection() {
    try (Caches caches = RedisCaches.of(c -> c.location(server.url()))) {
      Cache cache = caches.getDefault();
      cache.set("k", "before");
      server.restart();
      // The pooled connection died with the server: at most the call that finds so fails.
      Await.until(
          "a call after the restart",
          Duration.ofSeconds(5),
          () -> {
            try {
              cache.set("k", "after");
              return true;
            } catch (BackendUnavailableException e) {
              return false;
            }
          });
      assertThat((String) cache.get("k")).isEqualTo("after");
    }
  }
}
