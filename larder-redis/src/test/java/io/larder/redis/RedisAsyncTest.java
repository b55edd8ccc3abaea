package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendRefusedException;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.MissingKeyException;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** async() on Redis is Lettuce's own: no Larder thread waits for the server. */
class RedisAsyncTest {
  private static final int DB = 6;
  private final RedisServer server = RedisServers.standalone();
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches = RedisCaches.of(c -> c.location(server.url(DB)).option("ignore_exceptions", true));
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.close();
  }

  @Test
  void asyncReadsCompleteOnLettucesThreadsNotLardersPool() {
    cache.set("key", "value");
    String thread =
        cache.async().<String>get("key").thenApply(v -> Thread.currentThread().getName()).join();
    assertThat(thread).doesNotStartWith("larder-async-");
    assertThat(cache.async().<String>get("key").join()).isEqualTo("value");
  }

  @Test
  void asyncWritesReadsAndCountersKeepTheirSemantics() {
    assertThat(cache.async().add("n", 41).join()).isTrue();
    assertThat(cache.async().add("n", 0).join()).isFalse();
    assertThat(cache.async().incr("n").join()).isEqualTo(42L);
    assertThat(cache.async().decr("n", 2).join()).isEqualTo(40L);
    assertThat(cache.async().getMany(List.of("n", "missing")).join()).containsOnlyKeys("n");
    assertThat(cache.async().get("n", Integer.class).join()).isEqualTo(40);
    assertThat(cache.async().hasKey("n").join()).isTrue();
    assertThat(cache.async().delete("n").join()).isTrue();
    assertThat(cache.async().get("n", "default").join()).isEqualTo("default");
    assertThatThrownBy(() -> cache.async().incr("n").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(MissingKeyException.class);
  }

  /** An operation timer sees an async call on the store's own client once its future completes. */
  @Test
  void anOperationTimerTimesAsyncCallsUntilTheyComplete() {
    List<String> timed = new CopyOnWriteArrayList<>();
    try (Caches timedCaches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("redis").location(server.url(DB)))
            .operationTimer((alias, operation, nanos) -> timed.add(alias + " " + operation))
            .build()) {
      timedCaches.getDefault().async().set("key", "value").join();
      timedCaches.getDefault().async().get("key").join();
    }
    assertThat(timed).containsExactly("default set", "default get");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAsyncRefusalFailsTheFutureEvenWhenFailingOpen() {
    RedisCommands<byte[], byte[]> raw =
        (RedisCommands<byte[], byte[]>) cache.unwrap(RedisExtension.class).commands();
    raw.rpush(cache.makeKey("list").getBytes(StandardCharsets.UTF_8), new byte[] {1});
    assertThatThrownBy(() -> cache.async().get("list").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(BackendRefusedException.class);
  }
}
