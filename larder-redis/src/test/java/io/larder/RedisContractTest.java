package io.larder;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.redis.Await;
import io.larder.redis.RedisCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract on a Redis topology. It lives in {@code io.larder} only to override the contract's
 * package-private clock tests: Redis expires keys by the server's own clock, which the test clock
 * cannot move. Those tests check instead the expiry Redis holds for the key ({@code PTTL}), which
 * is deterministic; where a key must really have expired, it is given a 1 ms TTL and the test
 * waits, bounded, until the server has dropped it.
 */
public abstract class RedisContractTest extends CacheContractTest {
  private static final Duration EXPIRY_BOUND = Duration.ofSeconds(10);

  @Override
  protected boolean storesCopies() {
    return true;
  }

  protected RedisCache redis() {
    return cache.unwrap(RedisCache.class);
  }

  /** The expiry Redis holds for {@code key} of {@link #cache}. */
  protected Timeout redisTtl(String key) {
    return redis().pttl(key);
  }

  private long pttl(String key) {
    Timeout left = redisTtl(key);
    return left.isNever() ? -1 : left.toMillis();
  }

  /**
   * Stores {@code value} under {@code key} for 1 ms and waits until Redis has expired it (the test
   * clock moves too, for a copy kept on it: a chain's local tier).
   */
  private void storeExpired(String key, Object value) {
    cache.set(key, value, Timeout.millis(1));
    clock.advanceSeconds(1);
    Await.until("Redis expired " + key, EXPIRY_BOUND, () -> !cache.hasKey(key));
  }

  @Override
  @Test
  protected void addOverwritesAnExpiredValue() {
    storeExpired("key", "old");
    assertThat(cache.add("key", "new")).isTrue();
    assertThat((String) cache.get("key")).isEqualTo("new");
  }

  @Override
  @Test
  protected void hasKeyIsFalseForAnExpiredKey() {
    storeExpired("key", "value");
    assertThat(cache.hasKey("key")).isFalse();
    assertThat((Object) cache.get("key")).isNull();
  }

  @Override
  @Test
  protected void setManyHonoursTheTimeout() {
    cache.setMany(Map.of("key1", "spam", "key2", "eggs"), Timeout.seconds(10));
    assertThat(pttl("key1")).isBetween(1L, 10_000L);
    assertThat(pttl("key2")).isBetween(1L, 10_000L);
  }

  @Override
  @Test
  protected void incrKeepsTheRemainingTimeToLive() {
    cache.set("counter", 1, Timeout.seconds(10));
    cache.incr("counter");
    assertThat(pttl("counter")).isBetween(1L, 10_000L);
  }

  @Override
  @Test
  protected void aValueExpiresAfterItsTimeout() {
    cache.set("expire1", "very quickly", Timeout.seconds(1));
    assertThat(pttl("expire1")).isBetween(1L, 1_000L);
    storeExpired("expire2", "very quickly");
    assertThat(cache.add("expire2", "newvalue")).isTrue();
    assertThat((String) cache.get("expire2")).isEqualTo("newvalue");
  }

  @Override
  @Test
  protected void theDefaultTimeoutIsTheConfiguredOne() {
    cache.set("key", "value");
    assertThat(pttl("key")).isBetween(290_000L, 300_000L);
  }

  @Override
  @Test
  protected void fractionalTimeoutsAreKept() {
    cache.set("key", "value", Timeout.seconds(1.5));
    // Above 1000 ms: the half second was sent (PX 1500), not truncated to EX 1.
    assertThat(pttl("key")).isBetween(1_001L, 1_500L);
  }

  @Override
  @Test
  protected void aNeverTimeoutNeverExpires() {
    cache.set("key1", "eggs", Timeout.NEVER);
    cache.add("key2", "ham", Timeout.NEVER);
    assertThat(redisTtl("key1").isNever()).isTrue();
    assertThat(redisTtl("key2").isNever()).isTrue();
  }

  @Override
  @Test
  protected void aTimeoutOfOverThirtyDaysIsRelative() {
    cache.set("key", "value", Timeout.of(Duration.ofDays(40)));
    assertThat(pttl("key"))
        .isBetween(Duration.ofDays(39).toMillis(), Duration.ofDays(40).toMillis());
  }

  @Override
  @Test
  protected void touchGivesAKeyANewExpiry() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.seconds(100))).isTrue();
    assertThat(pttl("key")).isBetween(10_001L, 100_000L);
  }

  @Override
  @Test
  protected void touchWithNoTimeoutUsesTheDefault() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key")).isTrue();
    assertThat(pttl("key")).isBetween(290_000L, 300_000L);
  }

  @Override
  @Test
  protected void touchWithNeverMakesTheKeyPersistent() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.NEVER)).isTrue();
    assertThat(redisTtl("key").isNever()).isTrue();
    assertThat((String) cache.get("key")).isEqualTo("spam");
  }

  @Override
  @Test
  protected void touchOfAMissingOrExpiredKeyReturnsFalse() {
    assertThat(cache.touch("missing")).isFalse();
    storeExpired("expired", "x");
    assertThat(cache.touch("expired")).isFalse();
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
