package io.larder;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.redis.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract on a Redis topology. Redis expires keys by the server's own clock, which the test
 * clock cannot move: through the contract's server-clock hook the expiry tests read the expiry
 * Redis holds for a key ({@code PTTL}), and where a key must really have expired it is given a
 * 1 ms TTL and the test waits, bounded, until the server has dropped it.
 */
public abstract class RedisContractTest extends CacheContractTest {
  @Override
  protected boolean storesCopies() {
    return true;
  }

  protected RedisExtension redis() {
    return cache.unwrap(RedisExtension.class);
  }

  /** Redis keeps time by its own clock: the tests read the PTTL it holds. */
  @Override
  protected ServerClock serverClock() {
    return new ServerClock() {
      @Override
      public Timeout heldTtl(String key) {
        Timeout left = redis().pttl(key);
        return left.isNever() || left.toMillis() > 0 ? left : null;
      }

      @Override
      public Duration resolution() {
        return Duration.ofMillis(1);
      }
    };
  }

  @Test
  protected void touchWithNeverOfAPersistentKeyStillReportsTheKeyExists() {
    cache.set("key", "spam", Timeout.NEVER);
    assertThat(cache.touch("key", Timeout.NEVER)).isTrue();
  }

  @Test
  protected void getManyAndDeleteManyCoverKeysOfEverySlot() {
    Map<String, Integer> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      values.put("many-" + i, i);
    }
    assertThat(cache.setMany(values)).isEmpty();
    assertThat(cache.<Integer>getMany(values.keySet())).isEqualTo(values);
    cache.deleteMany(List.copyOf(values.keySet()));
    assertThat(cache.getMany(values.keySet())).isEmpty();
  }
}
