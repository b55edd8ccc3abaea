package io.larder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store spread over servers reports one server's failure and keeps the others' answers. */
class PartialFailureTest {
  private static Caches caches(boolean ignoreExceptions) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend(SplitCache.class.getName())
                    .option("ignore_exceptions", ignoreExceptions))
        .build();
  }

  @Test
  void failingOpenKeepsTheAnswersOfTheServersThatAreUpAndCountsTheError() {
    try (Caches caches = caches(true)) {
      Cache cache = caches.getDefault();
      assertThat(cache.getMany(List.of("up:a", "down:b", "up:c")))
          .containsOnlyKeys("up:a", "up:c");
      assertThat(cache.stats().errors()).isEqualTo(1);
    }
  }

  @Test
  void notFailingOpenRaisesTheFailure() {
    try (Caches caches = caches(false)) {
      Cache cache = caches.getDefault();
      assertThatThrownBy(() -> cache.getMany(List.of("up:a", "down:b")))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessage("server down is down");
      assertThat(cache.stats().errors()).isEqualTo(1);
    }
  }

  /** Two "servers": keys starting with {@code :1:down} live on one that is down. */
  public static final class SplitCache implements CacheStore {
    private final StoreContext context;

    public SplitCache(StoreContext context) {
      this.context = context;
    }

    @Override
    public Map<String, Object> loadMany(List<String> keys) {
      Map<String, Object> found = new LinkedHashMap<>();
      for (String key : keys) {
        if (key.startsWith(":1:down")) {
          context.failOpen(new BackendUnavailableException("server down is down"), "get_many", key);
        } else {
          found.put(key, "value");
        }
      }
      return found;
    }

    @Override
    public Object load(String key) {
      return MISSING;
    }

    @Override
    public void store(String key, Object value, Timeout timeout) {}

    @Override
    public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
      return false;
    }

    @Override
    public boolean expire(String key, Timeout timeout) {
      return false;
    }

    @Override
    public boolean remove(String key) {
      return false;
    }

    @Override
    public void removeAll() {}
  }
}
