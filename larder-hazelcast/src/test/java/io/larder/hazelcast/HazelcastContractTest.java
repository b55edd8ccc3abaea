package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import io.larder.CacheContractTest;
import io.larder.Timeout;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract on real Hazelcast members. Hazelcast expires entries by the members' clock, which
 * the test clock cannot move: the clock tests are overridden to check the time to live the member
 * holds for the key (deterministic: Hazelcast keeps it in whole seconds, so a timeout is rounded
 * up); where a key must really have expired, it gets a 1 s TTL and the test waits, bounded, until
 * the member has dropped it.
 */
abstract class HazelcastContractTest extends CacheContractTest {
  static final String MAP = "larder-contract";
  private static final Duration EXPIRY_BOUND = Duration.ofSeconds(10);
  private static final long NEVER = Long.MAX_VALUE;

  /** An instance of the cluster under test that reads the map directly. */
  protected abstract HazelcastInstance inspector();

  @Override
  protected boolean storesCopies() {
    return true;
  }

  private EntryView<String, byte[]> entry(String key) {
    return inspector().<String, byte[]>getMap(MAP).getEntryView(cache.makeKey(key));
  }

  /** The time to live the member holds for {@code key}, in ms; Long.MAX_VALUE for none. */
  private long ttl(String key) {
    EntryView<String, byte[]> entry = entry(key);
    assertThat(entry).as("the entry of %s", key).isNotNull();
    return entry.getTtl();
  }

  private void storeExpired(String key, Object value) {
    cache.set(key, value, Timeout.seconds(1));
    Await.until("Hazelcast expired " + key, EXPIRY_BOUND, () -> !cache.hasKey(key));
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
    assertThat(ttl("key1")).isEqualTo(10_000);
    assertThat(ttl("key2")).isEqualTo(10_000);
  }

  @Override
  @Test
  protected void incrKeepsTheRemainingTimeToLive() {
    cache.set("counter", 1, Timeout.seconds(10));
    long expires = entry("counter").getExpirationTime();
    cache.incr("counter");
    assertThat(ttl("counter")).isEqualTo(10_000);
    assertThat(entry("counter").getExpirationTime()).isEqualTo(expires);
    assertThat((Object) cache.get("counter")).isEqualTo(2);
  }

  @Override
  @Test
  protected void aValueExpiresAfterItsTimeout() {
    cache.set("expire1", "very quickly", Timeout.seconds(1));
    assertThat(ttl("expire1")).isEqualTo(1_000);
    storeExpired("expire2", "very quickly");
    assertThat(cache.add("expire2", "newvalue")).isTrue();
    assertThat((String) cache.get("expire2")).isEqualTo("newvalue");
  }

  @Override
  @Test
  protected void theDefaultTimeoutIsTheConfiguredOne() {
    cache.set("key", "value");
    assertThat(ttl("key")).isEqualTo(300_000);
  }

  /** Hazelcast counts whole seconds: 1.5 s is kept as 2 s, never cut to 1. */
  @Override
  @Test
  protected void fractionalTimeoutsAreKept() {
    cache.set("key", "value", Timeout.seconds(1.5));
    assertThat(ttl("key")).isEqualTo(2_000);
  }

  @Override
  @Test
  protected void aNeverTimeoutNeverExpires() {
    cache.set("key1", "eggs", Timeout.NEVER);
    cache.add("key2", "ham", Timeout.NEVER);
    assertThat(ttl("key1")).isEqualTo(NEVER);
    assertThat(ttl("key2")).isEqualTo(NEVER);
  }

  @Override
  @Test
  protected void aTimeoutOfOverThirtyDaysIsRelative() {
    cache.set("key", "value", Timeout.of(Duration.ofDays(40)));
    assertThat(ttl("key")).isEqualTo(Duration.ofDays(40).toMillis());
  }

  @Override
  @Test
  protected void touchGivesAKeyANewExpiry() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.seconds(100))).isTrue();
    assertThat(ttl("key")).isEqualTo(100_000);
  }

  @Override
  @Test
  protected void touchWithNoTimeoutUsesTheDefault() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key")).isTrue();
    assertThat(ttl("key")).isEqualTo(300_000);
  }

  @Override
  @Test
  protected void touchWithNeverMakesTheKeyPersistent() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.NEVER)).isTrue();
    assertThat(ttl("key")).isEqualTo(NEVER);
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
  void addWithATimeoutSetsTheTimeToLive() {
    assertThat(cache.add("key", "value", Timeout.seconds(30))).isTrue();
    assertThat(ttl("key")).isEqualTo(30_000);
  }

  @Test
  void valuesAreTheSerializersBytesUnderDjangosMadeKeys() {
    cache.set("greeting", "hello");
    byte[] stored = inspector().<String, byte[]>getMap(MAP).get(":1:greeting");
    assertThat(stored).isNotNull();
    assertThat(stored.length).isGreaterThan("hello".length());
  }

  @Test
  void clearEmptiesOnlyThisCachesMap() {
    inspector().<String, String>getMap("larder-contract-neighbour").put("theirs", "kept");
    cache.set("mine", "gone");
    cache.clear();
    assertThat(cache.hasKey("mine")).isFalse();
    assertThat(inspector().<String, String>getMap("larder-contract-neighbour").get("theirs"))
        .isEqualTo("kept");
  }

  @Test
  void incrOfAValueChangedByAnotherWriterUsesTheNewValue() {
    cache.set("counter", 10);
    cache.set("counter", 100);
    assertThat(cache.incr("counter", 5)).isEqualTo(105);
  }

  @Test
  void manyKeysCoverEveryPartition() {
    Map<String, Integer> values = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      values.put("many-" + i, i);
    }
    assertThat(cache.setMany(values, Timeout.seconds(60))).isEmpty();
    assertThat(cache.<Integer>getMany(values.keySet())).isEqualTo(values);
    assertThat(ttl("many-299")).isEqualTo(60_000);
    cache.deleteMany(List.copyOf(values.keySet()));
    assertThat(cache.getMany(values.keySet())).isEmpty();
  }

  @Test
  void concurrentAddsOfOneKeyHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 10; round++) {
      String key = "contended-" + round;
      List<Object> added = runConcurrently(8, () -> cache.add(key, Thread.currentThread().getName()));
      assertThat(added).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }
  }
}
