package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.InvalidCacheKeyException;
import io.larder.Timeout;
import io.larder.testsupport.MemcachedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract against real memcached. memcached keeps time by its own clock, which a test cannot
 * move: where the contract moves the injected clock, these overrides read the time to live the
 * server holds ({@code mg key t}) instead, and the few that must see an item expire wait for it,
 * bounded. Where memcached differs as Django's memcached backends do, the override says so.
 */
abstract class MemcachedContractTest extends CacheContractTest {
  /** How long an item with a one-second timeout may take to expire: memcached ticks in seconds. */

  /** The servers of the pool under test. */
  protected abstract List<MemcachedServer> servers();

  /** Options beyond the location, e.g. the hashing. */
  protected abstract Map<String, Object> options();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("memcached").location(Pools.location(servers()));
    options().forEach(cache::option);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }

  /** The remaining seconds the server holds for a made key: -1 for never, null when absent. */
  protected Long ttl(String madeKey) {
    for (MemcachedServer server : servers()) {
      String answer = server.command("mg " + madeKey + " t");
      if (answer.startsWith("HD")) {
        return Long.parseLong(answer.substring(answer.indexOf(" t") + 2).split(" ")[0]);
      }
    }
    return null;
  }

  /** memcached keeps time by its own clock, in whole seconds: the tests read what it holds. */
  @Override
  protected ServerClock serverClock() {
    return new ServerClock() {
      @Override
      public Timeout heldTtl(String key) {
        Long seconds = ttl(cache.makeKey(key));
        if (seconds == null) {
          return null;
        }
        return seconds == -1 ? Timeout.NEVER : Timeout.seconds(seconds);
      }

      @Override
      public Duration resolution() {
        return Duration.ofSeconds(1);
      }
    };
  }

  // ------------------------------------------------------------ expiry by the server's clock

  // memcached keeps whole seconds: Django's memcached backends send int(timeout).
  @Test
  @Override
  protected void fractionalTimeoutsAreKept() {
    cache.set("key", "value", Timeout.seconds(5.9));
    assertThat(ttl(":1:key")).isBetween(1L, 5L);
  }

  // Django's memcached rule: whole seconds of 0 are "expire at once", so 0.5 s stores nothing.
  @Test
  void aTimeoutUnderOneSecondStoresNothing() {
    cache.set("key", "value", Timeout.seconds(0.5));
    assertThat(cache.hasKey("key")).isFalse();
  }

  // ------------------------------------------------------------ keys

  // memcached cannot store such keys, so Django's memcached backends raise instead of warning.
  @Test
  @Override
  protected void keysThatMemcachedWouldRejectStillWorkHere() {
    assertThatThrownBy(() -> cache.set("key with spaces", 1))
        .isInstanceOf(InvalidCacheKeyException.class)
        .hasMessage(
            "Cache key contains characters that will cause errors if used with memcached:"
                + " ':1:key with spaces'");
    assertThatThrownBy(() -> cache.get("a".repeat(251)))
        .isInstanceOf(InvalidCacheKeyException.class)
        .hasMessageContaining("(longer than 250)");
  }
}
