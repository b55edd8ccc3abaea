package io.larder.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MissingKeyException;
import io.larder.Timeout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Django's DummyCache semantics (django-behaviour.md §7.4): everything misses, nothing fails. */
class DummyStoreTest {
  private final Caches caches =
      Caches.builder()
          .environment(Map.of())
          .cache("default", c -> c.backend("django.core.cache.backends.dummy.DummyCache"))
          .build();
  private final Cache cache = caches.getDefault();

  @AfterEach
  void close() {
    caches.close();
  }

  @Test
  void setStoresNothing() {
    cache.set("key", "value");
    assertThat((Object) cache.get("key")).isNull();
    assertThat(cache.get("key", "default")).isEqualTo("default");
  }

  @Test
  void addReturnsTrueButStoresNothing() {
    assertThat(cache.add("key", "value")).isTrue();
    assertThat(cache.add("key", "value")).isTrue();
    assertThat(cache.hasKey("key")).isFalse();
  }

  @Test
  void touchAndDeleteReturnFalse() {
    cache.set("key", "value");
    assertThat(cache.touch("key", Timeout.seconds(10))).isFalse();
    assertThat(cache.delete("key")).isFalse();
  }

  @Test
  void manyOperationsFindAndFailNothing() {
    assertThat(cache.setMany(Map.of("a", 1, "b", 2))).isEmpty();
    assertThat(cache.getMany(List.of("a", "b"))).isEmpty();
    cache.deleteMany(List.of("a", "b"));
  }

  @Test
  void incrAndIncrVersionThrowForEveryKey() {
    cache.set("answer", 42);
    assertThatThrownBy(() -> cache.incr("answer")).isInstanceOf(MissingKeyException.class);
    assertThatThrownBy(() -> cache.decr("answer")).isInstanceOf(MissingKeyException.class);
    assertThatThrownBy(() -> cache.incrVersion("answer")).isInstanceOf(MissingKeyException.class);
  }

  @Test
  void getOrSetReturnsTheComputedValueEveryTime() {
    AtomicInteger calls = new AtomicInteger();
    assertThat((Integer) cache.getOrSet("key", calls::incrementAndGet)).isEqualTo(1);
    assertThat((Integer) cache.getOrSet("key", calls::incrementAndGet)).isEqualTo(2);
  }

  @Test
  void clearDoesNothing() {
    cache.clear();
  }

  @Test
  void keysAreStillMade() {
    assertThat(cache.makeKey("key")).isEqualTo(":1:key");
  }
}
