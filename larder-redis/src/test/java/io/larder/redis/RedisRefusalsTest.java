package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendRefusedException;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers "no" is not a server that is down: its refusals reach the caller even when
 * the cache fails open, as django-redis only swallows connection errors.
 */
class RedisRefusalsTest {
  private static final int DB = 5;
  private final RedisServer server = RedisServers.standalone();
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        RedisCaches.of(c -> c.location(server.url(DB)).option("ignore_exceptions", true));
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.close();
  }

  @SuppressWarnings("unchecked")
  private void pushAList(String key) {
    RedisCommands<byte[], byte[]> raw =
        (RedisCommands<byte[], byte[]>) cache.unwrap(RedisExtension.class).commands();
    raw.rpush(cache.makeKey(key).getBytes(StandardCharsets.UTF_8), new byte[] {1});
  }

  @Test
  void aWrongTypeIsRaisedEvenWhenFailingOpen() {
    pushAList("list");
    assertThatThrownBy(() -> cache.get("list"))
        .isInstanceOf(BackendRefusedException.class)
        .hasMessageContaining("WRONGTYPE");
    assertThatThrownBy(() -> cache.incr("list"))
        .isInstanceOf(BackendRefusedException.class)
        .hasMessageContaining("WRONGTYPE");
  }

  @Test
  void aRefusalDoesNotOpenTheCircuitBreaker() {
    pushAList("list");
    assertThatThrownBy(() -> cache.get("list")).isInstanceOf(BackendRefusedException.class);
    cache.set("fine", "value", Timeout.seconds(60));
    assertThat((String) cache.get("fine")).isEqualTo("value");
    assertThat(cache.stats().errors()).isZero();
  }

  @Test
  void anExtensionUnwrappedFromAVersionViewUsesItsVersion() {
    cache.withVersion(2).set("key", "two", Timeout.seconds(100));
    cache.set("key", "one", Timeout.NEVER);
    RedisExtension atTwo = cache.withVersion(2).unwrap(RedisExtension.class);
    assertThat(atTwo.ttl("key").toSeconds()).isBetween(90.0, 100.0);
    assertThat(cache.unwrap(RedisExtension.class).ttl("key")).isEqualTo(Timeout.NEVER);
  }
}
