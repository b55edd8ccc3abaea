package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import io.larder.AsyncCache;
import io.larder.CacheContractTest;
import io.larder.CounterOverflowException;
import io.larder.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.LongStream;
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

  /** What the member holds for the caller's {@code key}: its value, time to live and expiry. */
  EntryView<String, byte[]> entry(String key) {
    return inspector().<String, byte[]>getMap(MAP).getEntryView(cache.makeKey(key));
  }

  /** The time to live the member holds for {@code key}, in ms; Long.MAX_VALUE for none. */
  long ttl(String key) {
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

  // ------------------------------------------------------------ async() on the client's own calls

  /** Each async operation, and what it answers on a key holding 41 with a minute to live. */
  static Map<String, Function<AsyncCache, CompletableFuture<?>>> asyncCallsOnHeld() {
    Map<String, Function<AsyncCache, CompletableFuture<?>>> calls = new LinkedHashMap<>();
    calls.put("get", async -> async.get("held"));
    calls.put("getMany", async -> async.getMany(List.of("held")));
    calls.put("hasKey", async -> async.hasKey("held"));
    calls.put("add", async -> async.add("held", 0, Timeout.seconds(60)));
    calls.put("touch", async -> async.touch("held", Timeout.seconds(90)));
    calls.put("incr", async -> async.incr("held"));
    calls.put("set", async -> async.set("held", 7, Timeout.seconds(60)));
    calls.put("delete", async -> async.delete("held"));
    return calls;
  }

  /**
   * With the key's owner busy, every async call returns at once with a pending future, and the
   * answer arrives on Hazelcast's threads: no caller and no thread of Larder's pool waits.
   */
  @Test
  void asyncCallsWaitInTheClusterNotOnAThread() {
    Map<String, Object> answers = new LinkedHashMap<>();
    asyncCallsOnHeld()
        .forEach(
            (name, call) -> {
              cache.set("held", 41, Timeout.seconds(60));
              CompletableFuture<?> answer;
              CompletableFuture<String> completedOn;
              try (HeldPartition held =
                  HeldPartition.of(inspector().getMap(MAP), cache.makeKey("held"))) {
                answer = call.apply(cache.async());
                assertThat(answer).as(name + " while the owner is busy").isNotDone();
                completedOn = answer.thenApply(value -> Thread.currentThread().getName());
              }
              // Waiting on the dependent only: a thread that waits on a future may run its
              // dependents itself when it completes.
              assertThat(completedOn.join())
                  .as("the thread that completed " + name)
                  .doesNotStartWith("larder-async-")
                  .isNotEqualTo(Thread.currentThread().getName());
              answers.put(name, answer.join());
            });
    assertThat(answers)
        .containsEntry("get", 41)
        .containsEntry("getMany", Map.of("held", 41))
        .containsEntry("hasKey", true)
        .containsEntry("add", false)
        .containsEntry("touch", true)
        .containsEntry("incr", 42L)
        .containsEntry("delete", true);
    assertThat(answers.get("set")).isNull();
  }

  @Test
  void asyncSetAndAddSetTheTimeToLive() {
    cache.async().set("set", "value", Timeout.seconds(30)).join();
    assertThat(cache.async().add("added", "value", Timeout.seconds(40)).join()).isTrue();
    assertThat(cache.async().add("forever", "value", Timeout.NEVER).join()).isTrue();
    assertThat(ttl("set")).isEqualTo(30_000);
    assertThat(ttl("added")).isEqualTo(40_000);
    assertThat(ttl("forever")).isEqualTo(NEVER);
    assertThat(cache.<String>get("added")).isEqualTo("value");
  }

  @Test
  void asyncAddWithAnExpiredTimeoutStoresNothingAndReportsAbsence() {
    assertThat(cache.async().add("absent", "value", Timeout.seconds(0)).join()).isTrue();
    assertThat(cache.hasKey("absent")).isFalse();
    cache.set("present", "kept");
    assertThat(cache.async().add("present", "value", Timeout.seconds(0)).join()).isFalse();
    assertThat(cache.<String>get("present")).isEqualTo("kept");
  }

  @Test
  void concurrentAsyncAddsOfOneKeyHaveExactlyOneWinnerWhoseValueIsStored() {
    List<CompletableFuture<Boolean>> adds = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      adds.add(cache.async().add("contended", "writer-" + i, Timeout.seconds(60)));
    }
    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < adds.size(); i++) {
      if (adds.get(i).join()) {
        winners.add(i);
      }
    }
    assertThat(winners).hasSize(1);
    assertThat(cache.<String>get("contended")).isEqualTo("writer-" + winners.get(0));
    assertThat(ttl("contended")).isEqualTo(60_000);
  }

  @Test
  void asyncTouchGivesANewTimeToLiveKeepingTheValue() {
    cache.set("key", "value", Timeout.seconds(10));
    assertThat(cache.async().touch("key", Timeout.seconds(90)).join()).isTrue();
    assertThat(ttl("key")).isEqualTo(90_000);
    assertThat(cache.async().touch("key", Timeout.NEVER).join()).isTrue();
    assertThat(ttl("key")).isEqualTo(NEVER);
    assertThat(cache.<String>get("key")).isEqualTo("value");
    assertThat(cache.async().touch("missing", Timeout.seconds(90)).join()).isFalse();
    assertThat(cache.async().touch("key", Timeout.seconds(0)).join()).isTrue();
    assertThat(cache.hasKey("key")).isFalse();
  }

  @Test
  void asyncIncrKeepsTheEntrysExpiryTimeExactly() {
    cache.set("counter", 1, Timeout.seconds(10));
    long expires = entry("counter").getExpirationTime();
    assertThat(cache.async().incr("counter", 41).join()).isEqualTo(42L);
    assertThat(ttl("counter")).isEqualTo(10_000);
    assertThat(entry("counter").getExpirationTime()).isEqualTo(expires);
  }

  @Test
  void concurrentAsyncIncrsAreExact() {
    cache.set("counter", 0, Timeout.seconds(60));
    List<CompletableFuture<Long>> incrs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      incrs.add(cache.async().incr("counter"));
    }
    assertThat(incrs.stream().map(CompletableFuture::join))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    assertThat(cache.<Integer>get("counter")).isEqualTo(100);
  }

  @Test
  void asyncIncrOfAValueBeyondALongFailsAndLeavesIt() {
    cache.set("big", Long.MAX_VALUE);
    assertThatThrownBy(() -> cache.async().incr("big").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CounterOverflowException.class);
    assertThat(cache.<Long>get("big")).isEqualTo(Long.MAX_VALUE);
  }
}
