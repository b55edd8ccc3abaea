package io.larder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Django's cache contract (django-behaviour.md §3–§5), written once. Each backend's test class
 * extends it, says how to configure the backend, and overrides a test only where the backend
 * differs as Django's does — with a comment saying why. The tests are protected so that a backend
 * in another package can override one (annotated {@code @Test} again).
 */
public abstract class CacheContractTest {
  protected final MutableClock clock = new MutableClock();
  protected Caches caches;
  protected Cache cache;
  private long startedNanos;

  /** Configures the backend under test; aliases configured alike share one store. */
  protected abstract void configure(CacheDefinition cache);

  /** True if the backend stores serialized copies rather than references. */
  protected abstract boolean storesCopies();

  /**
   * True if the backend serializes every value it stores, so that one that cannot be serialized is
   * refused; by default {@link #storesCopies()}. A chain whose reads come from memory (references)
   * but whose writes reach files or a server serializes without storing copies.
   */
  protected boolean serializesValues() {
    return storesCopies();
  }

  /**
   * The server-clock hook. A store that keeps time on a server's clock (Redis, memcached), which
   * the test clock cannot move, answers with the time to live the server holds; the expiry tests
   * then check that instead of moving the clock, and wait (bounded) where a key must really have
   * expired. Null, the default, for stores that expire by the cache's clock.
   */
  protected ServerClock serverClock() {
    return null;
  }

  /** How the tests read a server's clock: see {@link #serverClock()}. */
  protected interface ServerClock {
    /** The time to live the server holds for the caller's {@code key}: NEVER if none, null if absent. */
    Timeout heldTtl(String key);

    /** The smallest time to live the server keeps: 1 ms for Redis, a second for memcached. */
    Duration resolution();
  }

  /** Stores {@code value} under {@code key} and lets it expire, by the test clock or the server's. */
  protected void storeExpired(String key, Object value) {
    ServerClock server = serverClock();
    if (server == null) {
      cache.set(key, value, Timeout.seconds(1));
      clock.advanceSeconds(2);
      return;
    }
    cache.set(key, value, Timeout.of(server.resolution()));
    clock.advanceSeconds(1); // and copies kept on the test clock (a chain's local or file tier)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.hasKey(key) && System.nanoTime() < deadline) {
      sleepQuietly(20);
    }
    assertThat(cache.hasKey(key)).as("%s expired by the server within 10 s", key).isFalse();
  }

  /**
   * Asserts that {@code keys} are held for {@code timeout} from now: on the test clock, readable a
   * little before it and gone a little after (this moves the clock); on a server's clock, the time
   * to live it holds is {@code timeout}, within its resolution and the time the test has run.
   */
  protected void assertHeldFor(Timeout timeout, String... keys) {
    ServerClock server = serverClock();
    long millis = timeout.toMillis();
    if (server == null) {
      long margin = Math.min(1000, millis / 4);
      clock.advance(Duration.ofMillis(millis - margin));
      for (String key : keys) {
        assertThat(cache.hasKey(key)).as("%s before its timeout", key).isTrue();
      }
      clock.advance(Duration.ofMillis(2 * margin));
      for (String key : keys) {
        assertThat(cache.hasKey(key)).as("%s after its timeout", key).isFalse();
      }
      return;
    }
    long resolution = server.resolution().toMillis();
    // The keys were written after the test began, so the server has counted down at most the time
    // since then: measured, because a fixed allowance is too little on a loaded machine.
    long ranMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    for (String key : keys) {
      Timeout held = server.heldTtl(key);
      assertThat(held).as("the time to live the server holds for %s", key).isNotNull();
      assertThat(held.isNever()).as("%s never expires", key).isFalse();
      assertThat(held.toMillis())
          .as("the time to live the server holds for %s", key)
          .isBetween(millis - 2 * resolution - ranMillis, millis + 2 * resolution);
    }
  }

  /** Asserts that {@code keys} never expire, by the test clock ten years on, or the server's word. */
  protected void assertHeldForever(String... keys) {
    ServerClock server = serverClock();
    if (server == null) {
      clock.advance(Duration.ofDays(3650));
      for (String key : keys) {
        assertThat(cache.hasKey(key)).as("%s ten years on", key).isTrue();
      }
      return;
    }
    for (String key : keys) {
      assertThat(server.heldTtl(key)).as("the time to live of %s", key).isEqualTo(Timeout.NEVER);
    }
  }

  /** Adds the caches a backend under test is built on (a chain's tiers); none by default. */
  protected Caches.Builder withOtherCaches(Caches.Builder builder) {
    return builder;
  }

  @BeforeEach
  protected void createCaches() {
    startedNanos = System.nanoTime();
    caches =
        withOtherCaches(Caches.builder())
            .environment(Map.of())
            .clock(clock)
            .cache("default", this::configure)
            .cache("prefixed", c -> configure(c.keyPrefix("cacheprefix")))
            .cache("v2", c -> configure(c.version(2)))
            .cache(
                "custom_key",
                c ->
                    configure(
                        c.keyFunction(
                            (key, prefix, version) ->
                                "CUSTOM-" + String.join("-", prefix, "" + version, key))))
            .build();
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void closeCaches() {
    cache.clear();
    caches.close();
  }

  // ------------------------------------------------------------ get / set

  @Test
  protected void getOfAMissingKeyReturnsNull() {
    assertThat((Object) cache.get("does-not-exist")).isNull();
  }

  @Test
  protected void getOfAMissingKeyReturnsTheDefault() {
    assertThat(cache.get("does-not-exist", "bang!")).isEqualTo("bang!");
  }

  @Test
  protected void setThenGetReturnsTheValue() {
    cache.set("key", "value");
    assertThat((String) cache.get("key")).isEqualTo("value");
  }

  @Test
  protected void aStoredNullIsReturnedRatherThanTheDefault() {
    cache.set("null", null);
    assertThat(cache.get("null", "default")).isNull();
    assertThat(cache.hasKey("null")).isTrue();
  }

  @Test
  protected void setReplacesAnExistingValue() {
    cache.set("key", "one");
    cache.set("key", "two");
    assertThat((String) cache.get("key")).isEqualTo("two");
  }

  @Test
  protected void valuesOfCommonTypesRoundTrip() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("string", "hello, world");
    values.put("unicode", "Iñtërnâtiônàlizætiøn ✓ 清");
    values.put("int", 42);
    values.put("long", 1L << 40);
    values.put("big", new BigInteger("1180591620717411303424"));
    values.put("double", 1.5);
    values.put("bool", true);
    values.put("list", List.of("a", 1, 2.5));
    values.put("map", Map.of("a", 1, "b", List.of(1, 2)));
    values.forEach(cache::set);
    values.forEach((key, value) -> assertThat((Object) cache.get(key)).isEqualTo(value));
  }

  @Test
  protected void binaryValuesRoundTrip() {
    byte[] data = new byte[4096];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    cache.set("binary", data);
    assertThat((byte[]) cache.get("binary")).isEqualTo(data);
  }

  @Test
  protected void aLargeValueRoundTrips() {
    String large = "x".repeat(512 * 1024);
    cache.set("large", large);
    assertThat((String) cache.get("large")).isEqualTo(large);
  }

  @Test
  protected void unicodeKeysWork() {
    Map<String, String> stuff =
        Map.of("ascii", "ascii_value", "unicode_ascii", "Iñtërnâtiônàlizætiøn1", "Iñtërnâtiônàlizætiøn", "Iñtërnâtiônàlizætiøn2");
    stuff.forEach(cache::set);
    stuff.forEach((key, value) -> assertThat((String) cache.get(key)).isEqualTo(value));
    stuff.keySet().forEach(key -> assertThat(cache.delete(key)).isTrue());
  }

  @Test
  protected void valuesAreCopiesWhenTheBackendStoresCopies() {
    List<String> list = new ArrayList<>(List.of("a"));
    cache.set("list", list);
    list.add("b");
    List<String> stored = cache.get("list");
    if (storesCopies()) {
      assertThat(stored).containsExactly("a");
    } else {
      assertThat(stored).isSameAs(list);
    }
  }

  // ------------------------------------------------------------ add

  @Test
  protected void addStoresWhenTheKeyIsAbsent() {
    assertThat(cache.add("addkey1", "value")).isTrue();
    assertThat((String) cache.get("addkey1")).isEqualTo("value");
  }

  @Test
  protected void addDoesNotOverwriteAnUnexpiredValue() {
    cache.add("addkey1", "value");
    assertThat(cache.add("addkey1", "newvalue")).isFalse();
    assertThat((String) cache.get("addkey1")).isEqualTo("value");
  }

  @Test
  protected void addOverwritesAnExpiredValue() {
    storeExpired("key", "old");
    assertThat(cache.add("key", "new")).isTrue();
    assertThat((String) cache.get("key")).isEqualTo("new");
  }

  @Test
  protected void addWithAZeroTimeoutReturnsTrueButStoresNothingReadable() {
    assertThat(cache.add("key", "value", Timeout.seconds(0))).isTrue();
    assertThat((Object) cache.get("key")).isNull();
  }

  // ------------------------------------------------------------ delete / has_key

  @Test
  protected void deleteReturnsTrueWhenSomethingWasDeleted() {
    cache.set("key1", "spam");
    cache.set("key2", "eggs");
    assertThat(cache.delete("key1")).isTrue();
    assertThat((Object) cache.get("key1")).isNull();
    assertThat((String) cache.get("key2")).isEqualTo("eggs");
  }

  @Test
  protected void deleteReturnsFalseForAMissingKey() {
    assertThat(cache.delete("nonexistent")).isFalse();
  }

  @Test
  protected void hasKeyTellsWhetherAKeyIsPresent() {
    cache.set("hello1", "goodbye1");
    assertThat(cache.hasKey("hello1")).isTrue();
    assertThat(cache.hasKey("goodbye1")).isFalse();
  }

  @Test
  protected void hasKeyIsFalseForAnExpiredKey() {
    storeExpired("key", "value");
    assertThat(cache.hasKey("key")).isFalse();
    assertThat((Object) cache.get("key")).isNull();
  }

  // ------------------------------------------------------------ many

  @Test
  protected void getManyReturnsTheFoundKeysInTheOrderGiven() {
    cache.set("a", "a");
    cache.set("b", "b");
    cache.set("c", "c");
    Map<String, String> found = cache.getMany(List.of("c", "a", "d", "b"));
    assertThat(found).containsExactly(Map.entry("c", "c"), Map.entry("a", "a"), Map.entry("b", "b"));
  }

  @Test
  protected void getManyIncludesStoredNulls() {
    cache.set("null", null);
    Map<String, Object> found = cache.getMany(List.of("null", "missing"));
    assertThat(found).containsOnlyKeys("null");
    assertThat(found.get("null")).isNull();
  }

  @Test
  protected void getManyOfNoKeysIsEmpty() {
    assertThat(cache.getMany(List.of())).isEmpty();
  }

  @Test
  protected void setManyStoresEveryValueAndReportsNoFailures() {
    Map<String, Object> values = new HashMap<>();
    values.put("key1", "spam");
    values.put("key2", "eggs");
    values.put("null", null);
    assertThat(cache.setMany(values)).isEmpty();
    assertThat((String) cache.get("key1")).isEqualTo("spam");
    assertThat((String) cache.get("key2")).isEqualTo("eggs");
    assertThat(cache.hasKey("null")).isTrue();
  }

  @Test
  protected void setManyHonoursTheTimeout() {
    cache.setMany(Map.of("key1", "spam", "key2", "eggs"), Timeout.seconds(10));
    assertHeldFor(Timeout.seconds(10), "key1", "key2");
  }

  @Test
  protected void setManyWithAnEmptyMapDoesNothing() {
    assertThat(cache.setMany(Map.of())).isEmpty();
  }

  @Test
  protected void deleteManyRemovesEveryKeyGiven() {
    cache.setMany(Map.of("key1", "spam", "key2", "eggs", "key3", "ham"));
    cache.deleteMany(List.of("key1", "key2", "missing"));
    assertThat(cache.hasKey("key1")).isFalse();
    assertThat(cache.hasKey("key2")).isFalse();
    assertThat((String) cache.get("key3")).isEqualTo("ham");
  }

  @Test
  protected void deleteManyOfNoKeysDoesNothing() {
    cache.setMany(Map.of("key1", "spam", "key2", "eggs"));
    cache.deleteMany(List.of());
    assertThat(cache.<String>getMany(List.of("key1", "key2")))
        .containsExactly(Map.entry("key1", "spam"), Map.entry("key2", "eggs"));
  }

  // ------------------------------------------------------------ incr / decr

  @Test
  protected void incrAndDecrChangeAnInteger() {
    cache.set("answer", 41);
    assertThat(cache.incr("answer")).isEqualTo(42);
    assertThat((Integer) cache.get("answer")).isEqualTo(42);
    assertThat(cache.incr("answer", 10)).isEqualTo(52);
    assertThat(cache.incr("answer", -10)).isEqualTo(42);
    assertThat(cache.decr("answer")).isEqualTo(41);
    assertThat(cache.decr("answer", 10)).isEqualTo(31);
    assertThat(cache.decr("answer", -10)).isEqualTo(41);
  }

  @Test
  protected void incrOfAMissingKeyThrowsAnExceptionNamingIt() {
    assertThatThrownBy(() -> cache.incr("does_not_exist"))
        .isInstanceOf(MissingKeyException.class)
        .hasMessageContaining("does_not_exist");
    assertThatThrownBy(() -> cache.decr("does_not_exist"))
        .isInstanceOf(MissingKeyException.class);
  }

  @Test
  protected void incrOfANonIntegerThrowsAndLeavesTheValue() {
    cache.set("text", "abc");
    assertThatThrownBy(() -> cache.incr("text")).isInstanceOf(NotAnIntegerException.class);
    assertThat((String) cache.get("text")).isEqualTo("abc");
  }

  @Test
  protected void incrOfALongBeyondIntRangeStaysExact() {
    cache.set("big", Integer.MAX_VALUE);
    assertThat(cache.incr("big")).isEqualTo(Integer.MAX_VALUE + 1L);
  }

  @Test
  protected void incrOfAnIntegerPastTheLongRangeIsRefusedAndLeavesTheValue() {
    cache.set("hits", 1);
    assertThatThrownBy(() -> cache.incr("hits", Long.MAX_VALUE))
        .isInstanceOf(CounterOverflowException.class)
        .hasMessageContaining("'hits'")
        .hasMessageContaining("9223372036854775808");
    assertThat(((Number) cache.get("hits")).longValue()).isEqualTo(1);
  }

  @Test
  protected void incrOfTheLargestLongIsRefusedAndLeavesTheValue() {
    cache.set("big", Long.MAX_VALUE);
    assertThatThrownBy(() -> cache.incr("big")).isInstanceOf(CounterOverflowException.class);
    assertThatThrownBy(() -> cache.incr("big")).isInstanceOf(CounterOverflowException.class);
    assertThat(((Number) cache.get("big")).longValue()).isEqualTo(Long.MAX_VALUE);
    cache.set("other", "still served");
    assertThat((String) cache.get("other")).isEqualTo("still served");
  }

  // Issue 16: async().incr on a store with its own asynchronous client named the made key (':1:hits').
  @Test
  protected void asyncIncrPastTheLongRangeNamesTheCallersKeyAndLeavesTheValue() {
    cache.set("hits", 1);
    assertThatThrownBy(() -> cache.async().incr("hits", Long.MAX_VALUE).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(CounterOverflowException.class)
        .hasMessageStartingWith("Key 'hits' holds 1;");
    assertThat(((Number) cache.get("hits")).longValue()).isEqualTo(1);
  }

  @Test
  protected void incrUpToTheLargestLongIsExact() {
    cache.set("big", Long.MAX_VALUE - 1);
    assertThat(cache.incr("big")).isEqualTo(Long.MAX_VALUE);
    assertThat(((Number) cache.get("big")).longValue()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  protected void decrPastTheSmallestLongIsRefusedAndLeavesTheValue() {
    cache.set("low", -2);
    assertThatThrownBy(() -> cache.decr("low", Long.MAX_VALUE))
        .isInstanceOf(CounterOverflowException.class)
        .hasMessageContaining("'low'");
    assertThat(((Number) cache.get("low")).longValue()).isEqualTo(-2);
  }

  @Test
  protected void incrKeepsTheRemainingTimeToLive() {
    cache.set("counter", 1, Timeout.seconds(10));
    cache.incr("counter");
    assertHeldFor(Timeout.seconds(10), "counter");
  }

  @Test
  protected void concurrentIncrementsAreNotLost() throws Exception {
    cache.set("hits", 0);
    int threads = 8;
    int perThread = 1000;
    runConcurrently(
        threads,
        () -> {
          for (int i = 0; i < perThread; i++) {
            cache.incr("hits");
          }
          return null;
        });
    assertThat(((Number) cache.get("hits")).longValue()).isEqualTo(threads * perThread);
  }

  // ------------------------------------------------------------ timeouts

  @Test
  protected void aValueExpiresAfterItsTimeout() {
    cache.set("expire1", "quickly", Timeout.seconds(10));
    assertHeldFor(Timeout.seconds(10), "expire1");
    storeExpired("expire2", "very quickly");
    assertThat((Object) cache.get("expire2")).isNull();
    assertThat(cache.add("expire2", "newvalue")).isTrue();
    assertThat((String) cache.get("expire2")).isEqualTo("newvalue");
  }

  @Test
  protected void theDefaultTimeoutIsTheConfiguredOne() {
    cache.set("key", "value");
    assertHeldFor(Timeout.seconds(300), "key");
  }

  @Test
  protected void fractionalTimeoutsAreKept() {
    cache.set("key", "value", Timeout.seconds(1.5));
    assertHeldFor(Timeout.seconds(1.5), "key");
  }

  @Test
  protected void aZeroTimeoutStoresNothingReadable() {
    cache.set("key1", "eggs", Timeout.seconds(0));
    assertThat((Object) cache.get("key1")).isNull();
    cache.setMany(Map.of("key2", "ham"), Timeout.seconds(0));
    assertThat((Object) cache.get("key2")).isNull();
  }

  @Test
  protected void aZeroTimeoutReplacesAnExistingValue() {
    cache.set("key", "old");
    cache.set("key", "new", Timeout.seconds(0));
    assertThat((Object) cache.get("key")).isNull();
  }

  @Test
  protected void aNegativeTimeoutMeansAlreadyExpired() {
    cache.set("key", "value", Timeout.seconds(-5));
    assertThat((Object) cache.get("key")).isNull();
  }

  @Test
  protected void aNeverTimeoutNeverExpires() {
    cache.set("key1", "eggs", Timeout.NEVER);
    cache.add("key2", "ham", Timeout.NEVER);
    assertHeldForever("key1", "key2");
    assertThat((String) cache.get("key1")).isEqualTo("eggs");
    assertThat((String) cache.get("key2")).isEqualTo("ham");
  }

  @Test
  protected void aTimeoutOfOverThirtyDaysIsRelative() {
    cache.set("key", "value", Timeout.of(Duration.ofDays(40)));
    assertHeldFor(Timeout.of(Duration.ofDays(40)), "key");
  }

  // ------------------------------------------------------------ touch

  @Test
  protected void touchGivesAKeyANewExpiry() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.seconds(100))).isTrue();
    assertThat((String) cache.get("key")).isEqualTo("spam");
    assertHeldFor(Timeout.seconds(100), "key");
  }

  @Test
  protected void touchWithNoTimeoutUsesTheDefault() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key")).isTrue();
    assertHeldFor(Timeout.seconds(300), "key");
  }

  @Test
  protected void touchWithNeverMakesTheKeyPersistent() {
    cache.set("key", "spam", Timeout.seconds(10));
    assertThat(cache.touch("key", Timeout.NEVER)).isTrue();
    assertHeldForever("key");
    assertThat((String) cache.get("key")).isEqualTo("spam");
  }

  @Test
  protected void touchWithAZeroTimeoutExpiresTheKey() {
    cache.set("key", "spam");
    assertThat(cache.touch("key", Timeout.seconds(0))).isTrue();
    assertThat((Object) cache.get("key")).isNull();
  }

  @Test
  protected void touchOfAMissingOrExpiredKeyReturnsFalse() {
    assertThat(cache.touch("missing")).isFalse();
    storeExpired("expired", "x");
    assertThat(cache.touch("expired")).isFalse();
  }

  @Test
  protected void touchLeavesTheValueUnchanged() {
    cache.set("key", List.of(1, 2, 3));
    cache.touch("key", Timeout.seconds(100));
    assertThat((List<Integer>) cache.get("key")).containsExactly(1, 2, 3);
  }

  // ------------------------------------------------------------ clear

  @Test
  protected void clearRemovesEveryKeyOfEveryVersionAndPrefix() {
    cache.set("key1", "spam");
    cache.withVersion(2).set("key2", "eggs");
    caches.get("prefixed").set("key3", "ham");
    cache.clear();
    assertThat((Object) cache.get("key1")).isNull();
    assertThat((Object) cache.withVersion(2).get("key2")).isNull();
    assertThat((Object) caches.get("prefixed").get("key3")).isNull();
  }

  // ------------------------------------------------------------ keys

  @Test
  protected void keysAreMadeDjangosWay() {
    assertThat(cache.makeKey("foo")).isEqualTo(":1:foo");
    assertThat(caches.get("prefixed").withVersion(2).makeKey("foo")).isEqualTo("cacheprefix:2:foo");
  }

  @Test
  protected void aKeyPrefixSeparatesCachesSharingAStore() {
    cache.set("somekey", "value");
    assertThat(caches.get("prefixed").hasKey("somekey")).isFalse();
    caches.get("prefixed").set("somekey", "other");
    assertThat((String) cache.get("somekey")).isEqualTo("value");
  }

  @Test
  protected void aCustomKeyFunctionMakesTheKeys() {
    Cache custom = caches.get("custom_key");
    assertThat(custom.makeKey("answer")).isEqualTo("CUSTOM--1-answer");
    custom.set("answer", 42);
    assertThat((Integer) custom.get("answer")).isEqualTo(42);
    assertThat(cache.hasKey("answer")).isFalse();
  }

  @Test
  protected void aNullKeyIsRejected() {
    assertThatThrownBy(() -> cache.set(null, "x")).isInstanceOf(InvalidCacheKeyException.class);
  }

  @Test
  protected void keysThatMemcachedWouldRejectStillWorkHere() {
    String spaced = "key with spaces";
    String tooLong = "a".repeat(251);
    cache.set(spaced, 1);
    cache.set(tooLong, 2);
    assertThat((Integer) cache.get(spaced)).isEqualTo(1);
    assertThat((Integer) cache.get(tooLong)).isEqualTo(2);
  }

  // ------------------------------------------------------------ versions

  @Test
  protected void versionsSeparateValues() {
    cache.set("answer1", 42);
    assertThat((Integer) cache.get("answer1")).isEqualTo(42);
    assertThat((Integer) cache.withVersion(1).get("answer1")).isEqualTo(42);
    assertThat((Object) cache.withVersion(2).get("answer1")).isNull();
    caches.get("v2").set("answer2", 42);
    assertThat((Object) cache.get("answer2")).isNull();
    assertThat((Integer) cache.withVersion(2).get("answer2")).isEqualTo(42);
  }

  @Test
  protected void incrVersionMovesTheValueToTheNextVersion() {
    cache.set("answer", 42);
    assertThat(cache.incrVersion("answer")).isEqualTo(2);
    assertThat((Object) cache.get("answer")).isNull();
    assertThat((Integer) cache.withVersion(2).get("answer")).isEqualTo(42);
    assertThat(caches.get("v2").incrVersion("answer")).isEqualTo(3);
    assertThat((Integer) cache.withVersion(3).get("answer")).isEqualTo(42);
  }

  @Test
  protected void decrVersionMovesTheValueToThePreviousVersion() {
    cache.withVersion(2).set("answer", 42);
    assertThat(cache.withVersion(2).decrVersion("answer")).isEqualTo(1);
    assertThat((Integer) cache.get("answer")).isEqualTo(42);
    assertThat((Object) cache.withVersion(2).get("answer")).isNull();
  }

  @Test
  protected void incrVersionWorksForAStoredNull() {
    cache.set("null", null);
    assertThat(cache.incrVersion("null")).isEqualTo(2);
    assertThat(cache.withVersion(2).hasKey("null")).isTrue();
  }

  @Test
  protected void incrVersionOfAMissingKeyThrows() {
    assertThatThrownBy(() -> cache.incrVersion("does_not_exist"))
        .isInstanceOf(MissingKeyException.class)
        .hasMessageContaining("does_not_exist");
  }

  // ------------------------------------------------------------ get_or_set

  @Test
  protected void getOrSetComputesAndStoresOnAMiss() {
    assertThat((String) cache.getOrSet("projector", () -> "computed")).isEqualTo("computed");
    assertThat((String) cache.get("projector")).isEqualTo("computed");
  }

  @Test
  protected void getOrSetDoesNotCallTheSupplierOnAHit() {
    cache.set("projector", "stored");
    AtomicInteger calls = new AtomicInteger();
    String value = cache.getOrSet("projector", () -> "computed-" + calls.incrementAndGet());
    assertThat(value).isEqualTo("stored");
    assertThat(calls).hasValue(0);
  }

  @Test
  protected void getOrSetStoresANullResult() {
    assertThat((Object) cache.getOrSet("null", () -> null)).isNull();
    assertThat(cache.hasKey("null")).isTrue();
    assertThat(cache.get("null", "default")).isNull();
  }

  @Test
  protected void getOrSetHonoursTheVersion() {
    cache.withVersion(2).getOrSet("brian", () -> 42);
    assertThat((Integer) cache.withVersion(2).get("brian")).isEqualTo(42);
    assertThat((Object) cache.withVersion(3).get("brian")).isNull();
  }

  @Test
  protected void getOrSetPassesASupplierExceptionOnAndStoresNothing() {
    assertThatThrownBy(() -> cache.getOrSet("boom", () -> {
          throw new IllegalStateException("supplier failed");
        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("supplier failed");
    assertThat(cache.hasKey("boom")).isFalse();
  }

  @Test
  protected void getOrSetCalledFromItsOwnSupplierForTheSameKeyFails() {
    assertThatThrownBy(() -> cache.getOrSet("loop", () -> cache.getOrSet("loop", () -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loop");
  }

  @Test
  protected void concurrentMissesRunTheSupplierOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Object> results =
        runConcurrently(
            8,
            () ->
                cache.getOrSet(
                    "expensive",
                    () -> {
                      calls.incrementAndGet();
                      sleepQuietly(200);
                      return "value";
                    }));
    assertThat(calls).hasValue(1);
    assertThat(results).containsOnly("value");
  }

  // ------------------------------------------------------------ serialization

  @Test
  protected void anUnserializableValueFailsTheSetOrIsStoredByReference() {
    if (serializesValues()) {
      anUnserializableValueFailsTheSetAndKeepsTheOldValue();
    } else {
      anUnserializableValueIsStoredByReference();
    }
  }

  private void anUnserializableValueFailsTheSetAndKeepsTheOldValue() {
    cache.set("key", "old");
    assertThatThrownBy(() -> cache.set("key", new Object()))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> cache.add("other", new Object()))
        .isInstanceOf(SerializationException.class);
    assertThat((String) cache.get("key")).isEqualTo("old");
    assertThat(cache.hasKey("other")).isFalse();
  }

  private void anUnserializableValueIsStoredByReference() {
    Object value = new Object();
    cache.set("key", value);
    Object other = new Object();
    assertThat(cache.add("other", other)).isTrue();
    assertThat((Object) cache.get("key")).isSameAs(value);
    assertThat((Object) cache.get("other")).isSameAs(other);
  }

  @Test
  protected void setManyReportsUnserializableValuesOrStoresThemByReference() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("good", "fine");
    values.put("bad", new Object());
    if (serializesValues()) {
      assertThat(cache.setMany(values)).containsExactly("bad");
      assertThat((String) cache.get("good")).isEqualTo("fine");
      assertThat(cache.hasKey("bad")).isFalse();
    } else {
      assertThat(cache.setMany(values)).isEmpty();
      assertThat((String) cache.get("good")).isEqualTo("fine");
      assertThat((Object) cache.get("bad")).isSameAs(values.get("bad"));
    }
  }

  // ------------------------------------------------------------ async

  @Test
  protected void asyncOperationsHaveTheSameSemantics() {
    AsyncCache async = cache.async();
    async.set("key", "value").join();
    assertThat(async.<String>get("key").join()).isEqualTo("value");
    assertThat(async.add("key", "other").join()).isFalse();
    assertThat(async.getMany(List.of("key", "missing")).join()).containsOnlyKeys("key");
    assertThat(async.delete("key").join()).isTrue();
    assertThat(async.<String>getOrSet("lazy", () -> "computed").join()).isEqualTo("computed");
  }

  @Test
  protected void asyncFailuresCompleteTheFutureExceptionally() {
    assertThatThrownBy(() -> cache.async().incr("missing").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(MissingKeyException.class);
  }

  // Every AsyncCache method, on the store's own asynchronous client where it has one and on the
  // pool otherwise, answers as its Cache twin does.
  @Test
  protected void everyAsyncOperationAnswersAsItsSyncTwin() {
    AsyncCache async = cache.async();
    async.set("a", 1).join();
    async.set("b", "two", Timeout.seconds(60)).join();
    assertThat(async.<Integer>get("a").join()).isEqualTo(1);
    assertThat(async.get("missing", "fallback").join()).isEqualTo("fallback");
    assertThat(async.get("b", String.class).join()).isEqualTo("two");
    assertThat(async.add("a", 9).join()).isFalse();
    assertThat(async.add("c", 3, Timeout.seconds(60)).join()).isTrue();
    assertThat(async.<String>getOrSet("d", () -> "made", Timeout.seconds(60)).join())
        .isEqualTo("made");
    assertThat(async.touch("a").join()).isTrue();
    assertThat(async.touch("missing", Timeout.seconds(60)).join()).isFalse();
    assertThat(async.hasKey("c").join()).isTrue();
    assertThat(async.setMany(Map.of("e", 5, "f", 6)).join()).isEmpty();
    assertThat(async.setMany(Map.of("g", 7), Timeout.seconds(60)).join()).isEmpty();
    assertThat(async.<Object>getMany(List.of("e", "f", "g", "missing")).join())
        .containsOnlyKeys("e", "f", "g");
    assertThat(async.incr("a").join()).isEqualTo(2L);
    assertThat(async.incr("a", 10).join()).isEqualTo(12L);
    assertThat(async.decr("a").join()).isEqualTo(11L);
    assertThat(async.decr("a", 5).join()).isEqualTo(6L);
    assertThat(((Number) cache.get("a")).longValue()).isEqualTo(6);
    async.deleteMany(List.of("e", "f")).join();
    assertThat(cache.hasKey("e") || cache.hasKey("f")).isFalse();
    assertThat(async.delete("g").join()).isTrue();
    assertThat(async.incrVersion("c").join()).isEqualTo(2);
    assertThat(cache.withVersion(2).async().decrVersion("c").join()).isEqualTo(1);
    assertThat(async.incrVersion("c", 3).join()).isEqualTo(4);
    assertThat(cache.withVersion(4).async().decrVersion("c", 3).join()).isEqualTo(1);
    assertThat((Integer) cache.get("c")).isEqualTo(3);
    assertThat(async.sync()).isSameAs(cache);
    async.clear().join();
    assertThat(cache.hasKey("a")).isFalse();
  }

  // Found by reflection, so an operation added to AsyncCache is checked here without a new line:
  // each one, from the same state (the key stored or missing), gives what its Cache twin gives (a
  // value, or the class of the exception that completes the future) and leaves the same value.
  @Test
  protected void everyAsyncMethodGivesWhatItsCacheTwinGives() throws Exception {
    for (Method method : AsyncCache.class.getMethods()) {
      if (method.getName().equals("sync")) {
        continue;
      }
      Method twin = Cache.class.getMethod(method.getName(), method.getParameterTypes());
      Object[] args = twinArguments(method.getParameterTypes());
      String call = method.toGenericString();
      for (boolean stored : new boolean[] {true, false}) {
        List<Object> fromCache = outcome(stored, () -> twin.invoke(cache, args));
        List<Object> fromAsync =
            outcome(
                stored, () -> ((CompletableFuture<?>) method.invoke(cache.async(), args)).join());
        assertThat(fromAsync)
            .as(call + (stored ? " on a stored key" : " on a missing key"))
            .isEqualTo(fromCache);
      }
    }
  }

  /** One argument of each parameter type an operation takes; its key is "twin", a value 7. */
  private static Object[] twinArguments(Class<?>[] types) {
    Map<Class<?>, Object> byType =
        Map.of(
            String.class, "twin",
            Class.class, Integer.class,
            Timeout.class, Timeout.seconds(60),
            Supplier.class, (Supplier<Object>) () -> 9,
            Collection.class, List.of("twin", "missing"),
            Map.class, Map.of("twin", 8),
            long.class, 2L,
            int.class, 3);
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = byType.getOrDefault(types[i], 7);
    }
    return args;
  }

  /**
   * From a cache holding only {@code twin = 5}, or nothing if not {@code stored}: what {@code call}
   * gives (its result, or its exception's class, unwrapped from reflection and from the future)
   * and what "twin" holds after.
   */
  private List<Object> outcome(boolean stored, Callable<Object> call) throws Exception {
    cache.clear();
    if (stored) {
      cache.set("twin", 5);
    }
    Object result;
    try {
      result = call.call();
    } catch (InvocationTargetException | CompletionException e) {
      Throwable cause = e;
      while ((cause instanceof InvocationTargetException || cause instanceof CompletionException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      result = cause.getClass();
    }
    Object after = cache.get("twin");
    return Arrays.asList(result, after);
  }

  // ------------------------------------------------------------ handles and lifecycle

  @Test
  @SuppressWarnings("try")
  protected void closingAVersionViewLeavesTheCacheWorking() {
    try (Cache v2 = caches.getDefault().withVersion(2)) {
      v2.set("key", "two");
    }
    cache.set("key", "one");
    assertThat((String) cache.get("key")).isEqualTo("one");
    assertThat((String) cache.withVersion(2).get("key")).isEqualTo("two");
  }

  @Test
  protected void closingAHandleOrItsAsyncFaceLeavesTheCacheWorking() {
    cache.close();
    cache.async().close().join();
    cache.set("key", "value");
    assertThat((String) caches.getDefault().get("key")).isEqualTo("value");
  }

  @Test
  protected void aVersionViewMakesKeysAtItsVersion() {
    assertThat(cache.withVersion(7).makeKey("key")).isEqualTo(cache.makeKey("key").replace(":1:", ":7:"));
    assertThat(cache.withVersion(7).version()).isEqualTo(7);
  }

  // ------------------------------------------------------------ typed get

  @Test
  protected void aTypedGetReturnsAValueOfThatType() {
    cache.set("name", "Brian");
    assertThat(cache.get("name", String.class)).isEqualTo("Brian");
    assertThat(cache.get("missing", String.class)).isNull();
  }

  @Test
  protected void aTypedGetOfAnotherTypeNamesTheKeyAndBothTypes() {
    cache.set("number", 42);
    assertThatThrownBy(() -> cache.get("number", String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'number'")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  protected void aTypedGetAcceptsAPrimitiveTypeForItsBox() {
    cache.set("number", 42);
    assertThat(cache.get("number", int.class)).isEqualTo(42);
  }

  // ------------------------------------------------------------ stats

  @Test
  protected void statsCountHitsMissesSetsAndDeletes() {
    CacheStats before = cache.stats();
    cache.set("a", 1);
    cache.get("a");
    cache.get("missing");
    cache.getMany(List.of("a", "missing"));
    cache.delete("a");
    CacheStats after = cache.stats();
    assertThat(after.hits() - before.hits()).isEqualTo(2);
    assertThat(after.misses() - before.misses()).isEqualTo(2);
    assertThat(after.sets() - before.sets()).isEqualTo(1);
    assertThat(after.deletes() - before.deletes()).isEqualTo(1);
  }

  // ------------------------------------------------------------ helpers

  protected static List<Object> runConcurrently(int threads, Callable<Object> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  protected static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
