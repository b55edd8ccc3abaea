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
  private static final long EXPIRY_WAIT_MILLIS = 4_000;

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

  /** Waits, bounded, until the server no longer returns the key. */
  private void awaitExpiry(String key) {
    long deadline = System.currentTimeMillis() + EXPIRY_WAIT_MILLIS;
    while (cache.hasKey(key) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  // ------------------------------------------------------------ expiry by the server's clock

  @Test
  @Override
  protected void addOverwritesAnExpiredValue() {
    cache.set("key", "old", Timeout.seconds(1));
    awaitExpiry("key");
    assertThat(cache.add("key", "new")).isTrue();
    assertThat((String) cache.get("key")).isEqualTo("new");
  }

  @Test
  @Override
  protected void hasKeyIsFalseForAnExpiredKey() {
    cache.set("key", "value", Timeout.seconds(1));
    awaitExpiry("key");
    assertThat(cache.hasKey("key")).isFalse();
  }

  @Test
  @Override
  protected void aValueExpiresAfterItsTimeout() {
    cache.set("expire1", "very quickly", Timeout.seconds(1));
    awaitExpiry("expire1");
    assertThat((Object) cache.get("expire1")).isNull();
  }

  @Test
  @Override
  protected void setManyHonoursTheTimeout() {
    cache.setMany(Map.of("key1", "spam", "key2", "eggs"), Timeout.seconds(7));
    assertThat(ttl(":1:key1")).isBetween(1L, 7L);
    assertThat(ttl(":1:key2")).isBetween(1L, 7L);
  }

  @Test
  @Override
  protected void touchOfAMissingOrExpiredKeyReturnsFalse() {
    assertThat(cache.touch("missing")).isFalse();
    cache.set("expired", "x", Timeout.seconds(1));
    awaitExpiry("expired");
    assertThat(cache.touch("expired")).isFalse();
  }

  @Test
  @Override
  protected void theDefaultTimeoutIsTheConfiguredOne() {
    cache.set("key", "value");
    assertThat(ttl(":1:key")).isBetween(290L, 300L);
  }

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

  @Test
  @Override
  protected void aNeverTimeoutNeverExpires() {
    cache.set("key1", "eggs", Timeout.NEVER);
    cache.add("key2", "ham", Timeout.NEVER);
    assertThat(ttl(":1:key1")).isEqualTo(-1L);
    assertThat(ttl(":1:key2")).isEqualTo(-1L);
  }

  // Sent as an absolute Unix time (memcached reads over 30 days so); the server holds 40 days.
  // Its clock ticks once a second behind the wall clock, so the TTL it reports may be one more.
  @Test
  @Override
  protected void aTimeoutOfOverThirtyDaysIsRelative() {
    cache.set("key", "value", Timeout.of(Duration.ofDays(40)));
    assertThat(ttl(":1:key"))
        .isBetween(Duration.ofDays(40).toSeconds() - 10, Duration.ofDays(40).toSeconds() + 1);
  }

  @Test
  @Override
  protected void touchGivesAKeyANewExpiry() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.seconds(100))).isTrue();
    assertThat(ttl(":1:key")).isBetween(90L, 100L);
  }

  @Test
  @Override
  protected void touchWithNoTimeoutUsesTheDefault() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key")).isTrue();
    assertThat(ttl(":1:key")).isBetween(290L, 300L);
  }

  @Test
  @Override
  protected void touchWithNeverMakesTheKeyPersistent() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.NEVER)).isTrue();
    assertThat(ttl(":1:key")).isEqualTo(-1L);
  }

  // memcached's incr keeps the item's exptime.
  @Test
  @Override
  protected void incrKeepsTheRemainingTimeToLive() {
    cache.set("counter", 1, Timeout.seconds(10));
    cache.incr("counter");
    assertThat(ttl(":1:counter")).isBetween(1L, 10L);
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
