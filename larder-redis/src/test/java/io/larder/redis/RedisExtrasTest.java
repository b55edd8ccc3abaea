package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MissingKeyException;
import io.larder.NotAnIntegerException;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** django-redis's extras, {@code clear} on a shared database, and the raw connection. */
class RedisExtrasTest {
  private static final int DB = 3;
  private Caches caches;
  private Cache cache;
  private RedisExtension redis;
  private final RedisServer server = RedisServers.standalone();

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("redis")
                        .location(server.url(DB))
                        .keyPrefix("app")
                        .option("scan_count", 7))
            .cache("other", c -> c.backend("redis").location(server.url(DB)).keyPrefix("other"))
            .cache("unprefixed", c -> c.backend("redis").location(server.url(DB)))
            .build();
    cache = caches.getDefault();
    redis = cache.unwrap(RedisExtension.class);
    caches.get("unprefixed").clear();
  }

  @AfterEach
  void close() {
    caches.get("unprefixed").clear();
    caches.close();
  }

  private RedisCommands<byte[], byte[]> raw() {
    return (RedisCommands<byte[], byte[]>) redis.commands();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void ttlIsZeroForAMissingKeyNeverForAPersistentOneAndTheSecondsLeftOtherwise() {
    cache.set("persistent", 1, Timeout.NEVER);
    cache.set("expiring", 1, Timeout.seconds(100));

    assertThat(redis.ttl("missing")).isEqualTo(Timeout.seconds(0));
    assertThat(redis.ttl("persistent")).isEqualTo(Timeout.NEVER);
    assertThat(redis.ttl("expiring").toSeconds()).isBetween(90.0, 100.0);
    assertThat(redis.pttl("expiring").toMillis()).isBetween(90_000L, 100_000L);
  }

  @Test
  void expireSetsAnExpiryInMillisecondsOnAnExistingKey() {
    cache.set("key", "value", Timeout.NEVER);
    long before = ServerTime.nowMillis(raw());
    assertThat(redis.expire("key", Duration.ofMillis(50_500))).isTrue();
    long after = ServerTime.nowMillis(raw());
    ServerTime.assertExpiresAfter(
        raw(), cache.makeKey("key"), Duration.ofMillis(50_500), before, after);
    assertThat(redis.pttl("key").toMillis()).isBetween(1L, 50_500L);
    assertThat(redis.expire("missing", Duration.ofSeconds(5))).isFalse();
  }

  @Test
  void expireWithZeroDeletesTheKey() {
    cache.set("key", "value");
    assertThat(redis.expire("key", Duration.ZERO)).isTrue();
    assertThat(cache.hasKey("key")).isFalse();
  }

  @Test
  void expireAtSetsAnAbsoluteExpiry() {
    cache.set("key", "value", Timeout.NEVER);
    assertThat(redis.expireAt("key", Instant.now().plusSeconds(1000))).isTrue();
    assertThat(redis.ttl("key").toSeconds()).isBetween(990.0, 1000.0);
  }

  @Test
  void persistRemovesTheExpiry() {
    cache.set("key", "value", Timeout.seconds(100));
    assertThat(redis.persist("key")).isTrue();
    assertThat(redis.ttl("key")).isEqualTo(Timeout.NEVER);
    assertThat(redis.persist("key")).isFalse();
  }

  @Test
  void keysFindsTheCallersKeysOfThisPrefixOnly() {
    cache.set("user:1", 1);
    cache.set("user:2", 2);
    cache.set("page:1", 3);
    caches.get("other").set("user:3", 4);

    assertThat(redis.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(redis.keys("*")).containsExactlyInAnyOrder("user:1", "user:2", "page:1");
  }

  @Test
  void iterKeysScansLazilyInBatches() {
    IntStream.range(0, 40).forEach(i -> cache.set("item:" + i, i));
    long scans = server.commandCalls("scan");
    try (Stream<String> keys = redis.iterKeys("item:*")) {
      Iterator<String> it = keys.iterator();
      assertThat(it.next()).startsWith("item:");
      assertThat(server.commandCalls("scan") - scans).isEqualTo(1);
    }
    try (Stream<String> keys = redis.iterKeys("item:*")) {
      assertThat(keys.distinct().count()).isEqualTo(40);
    }
    assertThat(server.commandCalls("scan") - scans).isGreaterThan(2);
  }

  @Test
  void deletePatternDeletesOnlyMatchingKeysInBatches() {
    IntStream.range(0, 30).forEach(i -> cache.set("session:" + i, i));
    cache.set("keep", "me");
    caches.get("other").set("session:1", "theirs");

    assertThat(redis.deletePattern("session:*")).isEqualTo(30);
    assertThat(redis.keys("*")).containsExactly("keep");
    assertThat((String) caches.get("other").get("session:1")).isEqualTo("theirs");
  }

  @Test
  void aGlobCharacterInThePrefixMatchesOnlyItself() {
    Caches starred = RedisCaches.of(c -> c.location(server.url(DB)).keyPrefix("a*"));
    try (starred) {
      cache.set("x", 1); // app:1:x matches an unescaped a*:* but not a[*]:*
      Cache star = starred.getDefault();
      star.set("x", 2);
      assertThat(star.unwrap(RedisExtension.class).keys("*")).containsExactly("x");
      star.clear();
      assertThat((Integer) cache.get("x")).isEqualTo(1);
    }
  }

  @Test
  void incrWithIgnoreKeyCheckCreatesAMissingKeyWithNoExpiry() {
    assertThat(redis.incr("fresh", 5, true)).isEqualTo(5);
    assertThat((Integer) cache.get("fresh")).isEqualTo(5);
    assertThat(redis.ttl("fresh")).isEqualTo(Timeout.NEVER);
  }

  @Test
  void incrWithoutIgnoreKeyCheckRefusesAMissingKey() {
    assertThatThrownBy(() -> redis.incr("absent", 1, false))
        .isInstanceOf(MissingKeyException.class);
    assertThat(cache.hasKey("absent")).isFalse();
  }

  @Test
  void incrWithIgnoreKeyCheckOfANonIntegerThrows() {
    cache.set("text", "abc");
    assertThatThrownBy(() -> redis.incr("text", 1, true)).isInstanceOf(NotAnIntegerException.class);
  }

  @Test
  void incrNearTheSixtyFourBitLimitStaysExactAndKeepsTheTtl() {
    cache.set("big", Long.MAX_VALUE - 1, Timeout.seconds(100));
    assertThat(cache.incr("big")).isEqualTo(Long.MAX_VALUE);
    assertThat((Object) cache.get("big")).isEqualTo(Long.MAX_VALUE);
    assertThat(redis.ttl("big").toSeconds()).isBetween(90.0, 100.0);
  }

  @Test
  void incrBeyondSixtyFourBitsThrowsAndKeepsTheValue() {
    java.math.BigInteger huge = java.math.BigInteger.TWO.pow(70);
    cache.set("huge", huge);
    assertThatThrownBy(() -> cache.incr("huge")).isInstanceOf(ArithmeticException.class);
    assertThat((Object) cache.get("huge")).isEqualTo(huge);
  }

  @Test
  void clearWithAPrefixDeletesOnlyThatPrefixsKeysOfEveryVersion() {
    cache.set("a", 1);
    cache.withVersion(7).set("b", 2);
    caches.get("other").set("a", 3);
    raw().set(bytes("foreign"), bytes("kept"));

    cache.clear();

    assertThat(cache.hasKey("a")).isFalse();
    assertThat(cache.withVersion(7).hasKey("b")).isFalse();
    assertThat((Integer) caches.get("other").get("a")).isEqualTo(3);
    assertThat(raw().get(bytes("foreign"))).isEqualTo(bytes("kept"));
  }

  @Test
  void clearWithoutAPrefixFlushesTheDatabaseAsDjangoDoes() {
    raw().set(bytes("foreign"), bytes("gone"));
    caches.get("unprefixed").clear();
    assertThat(raw().get(bytes("foreign"))).isNull();
  }

  @Test
  void theRawConnectionSharesTheCachesDatabase() {
    cache.set("n", 5);
    assertThat(raw().get(bytes(cache.makeKey("n")))).isEqualTo(bytes("5"));
    assertThat(redis.connection().isOpen()).isTrue();
  }

  @Test
  void aValueThatCannotBeReadIsACountedMissAndIsKept() {
    // Issue 16 changed this from an error to a miss: a corrupt or hostile value must not fail reads.
    byte[] garbage = {(byte) 0xac, (byte) 0xed, 0, 5, 1, 2, 3};
    raw().set(bytes(cache.makeKey("corrupt")), garbage);

    assertThat(cache.get("corrupt", "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(raw().get(bytes(cache.makeKey("corrupt")))).isEqualTo(garbage);
  }

  @Test
  void aValueOverTheSizeLimitIsRefusedBeforeItIsSentAndTheOldValueIsKept() {
    Caches limited =
        RedisCaches.of(
            c -> c.location(server.url(DB)).keyPrefix("app").option("max_value_size", 1000));
    try (limited) {
      Cache small = limited.getDefault();
      small.set("k", "old");
      assertThatThrownBy(() -> small.set("k", "x".repeat(2000)))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("max_value_size");
      assertThat(small.setMany(Map.of("k", "x".repeat(2000), "ok", 1))).containsExactly("k");
      assertThat((String) small.get("k")).isEqualTo("old");
      assertThat((Integer) small.get("ok")).isEqualTo(1);
    }
  }

  // ------------------------------------------------------------ locks

  @Test
  void aLockIsHeldByOneHolderAtATime() {
    try (RedisLock first = redis.lock("job", Timeout.seconds(30));
        RedisLock second = redis.lock("job", Timeout.seconds(30))) {
      assertThat(first.tryAcquire()).isTrue();
      assertThat(second.tryAcquire()).isFalse();
      assertThat(first.isHeld()).isTrue();
      assertThat(second.isHeld()).isFalse();
      assertThat(first.key()).isEqualTo("app:1:job");
    }
  }

  @Test
  void onlyTheHolderCanReleaseALock() {
    try (RedisLock first = redis.lock("job", Timeout.seconds(30));
        RedisLock second = redis.lock("job", Timeout.seconds(30))) {
      first.tryAcquire();
      assertThat(second.release()).isFalse();
      assertThat(first.isHeld()).isTrue();
      assertThat(first.release()).isTrue();
      assertThat(second.tryAcquire()).isTrue();
    }
  }

  @Test
  void acquireGivesUpAfterItsBound() {
    try (RedisLock holder = redis.lock("job", Timeout.seconds(30));
        RedisLock waiter = redis.lock("job", Timeout.seconds(30))) {
      holder.tryAcquire();
      assertThat(waiter.acquire(Duration.ofMillis(100))).isFalse();
    }
  }

  @Test
  void acquireWaitsForTheHolderToRelease() throws Exception {
    try (RedisLock holder = redis.lock("job", Timeout.seconds(30));
        RedisLock waiter = redis.lock("job", Timeout.seconds(30))) {
      holder.tryAcquire();
      CompletableFuture<Boolean> acquired = new CompletableFuture<>();
      Thread waiting = new Thread(() -> acquired.complete(waiter.acquire(Duration.ofSeconds(30))));
      waiting.start();
      Await.until(
          "the waiter polls",
          Duration.ofSeconds(30),
          () -> waiting.getState() == Thread.State.TIMED_WAITING);
      assertThat(acquired).isNotDone();

      holder.release();

      assertThat(acquired.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(waiter.isHeld()).isTrue();
    }
  }

  @Test
  void aLockExpiresByItselfSoACrashedHolderCannotKeepIt() {
    RedisLock crashed = redis.lock("job", Timeout.millis(1));
    crashed.tryAcquire();
    try (RedisLock next = redis.lock("job", Timeout.seconds(30))) {
      assertThat(next.acquire(Duration.ofSeconds(10))).isTrue();
      assertThat(crashed.isHeld()).isFalse();
    }
  }

  @Test
  void closingALockReleasesIt() {
    try (RedisLock lock = redis.lock("job", Timeout.seconds(30))) {
      lock.tryAcquire();
    }
    assertThat(cache.hasKey("job")).isFalse();
  }

  @Test
  void aLockWithATimeoutHasThatTtl() {
    try (RedisLock lock = redis.lock("job", Timeout.seconds(5))) {
      lock.tryAcquire();
      assertThat(redis.pttl("job").toMillis()).isBetween(1L, 5_000L);
    }
  }
}
