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
 * The contract on real Hazelcast members, which expire entries by their own clocks: the contract's
 * server-clock hook reads the time to live a member holds for a key.
 */
abstract class HazelcastContractTest extends CacheContractTest {
  static final String MAP = "larder-contract";
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

  /** Hazelcast keeps expiry by the members' clocks, in whole seconds: the tests read what it holds. */
  @Override
  protected ServerClock serverClock() {
    return new ServerClock() {
      @Override
      public Timeout heldTtl(String key) {
        EntryView<String, byte[]> entry = entry(key);
        if (entry == null) {
          return null;
        }
        return entry.getTtl() == NEVER ? Timeout.NEVER : Timeout.millis(entry.getTtl());
      }

      @Override
      public Duration resolution() {
        return Duration.ofSeconds(1);
      }
    };
  }

  @Test
  void incrKeepsTheEntrysExpiryTimeExactly() {
    cache.set("counter", 1, Timeout.seconds(10));
    long expires = entry("counter").getExpirationTime();
    cache.incr("counter");
    assertThat(ttl("counter")).isEqualTo(10_000);
    assertThat(entry("counter").getExpirationTime()).isEqualTo(expires);
  }

  /** Hazelcast counts whole seconds: 1.5 s is kept as 2 s, never cut to 1. */
  @Test
  void aFractionalTimeoutIsRoundedUpToWholeSeconds() {
    cache.set("key", "value", Timeout.seconds(1.5));
    assertThat(ttl("key")).isEqualTo(2_000);
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
