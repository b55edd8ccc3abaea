package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.chain.ChainExtension;
import io.larder.spi.CacheStore;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two processes' chains of local memory over one real {@code redis-server} (two {@code Caches},
 * each with its own local store and its own Redis connections): what one writes, the other's local
 * tier stops serving, through Redis pub/sub ({@code coherence: publish}; {@link ChainTrackingTest}
 * has Redis's own tracking); and while that channel is down nothing stale is served.
 */
class NearCacheCoherenceTest {
  /** How long a message may take on loopback in a loaded CI run; the target is milliseconds. */
  static final Duration INVALIDATION_BOUND = Duration.ofSeconds(5);
  /**
   * How long a restarted server may take to be reconnected to and resubscribed on (Lettuce backs
   * off up to a second between attempts), on a loaded 2-core machine; as RedisFaultTest's.
   */
  static final Duration RECONNECTION_BOUND = Duration.ofSeconds(20);

  private RedisServer server;
  private Caches a;
  private Caches b;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    a = process(server.url());
    b = process(server.url());
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
    server.close();
  }

  /** A process's caches: its own local tier over the shared Redis, live. */
  static Caches process(String redisUrl) {
    Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("chain")
                        .option("caches", List.of("near", "redis"))
                        .option("coherence", "publish"))
            .cache("near", c -> c.backend("locmem").location("near-" + UUID.randomUUID()))
            .cache("redis", c -> c.backend("redis").location(redisUrl))
            .build();
    awaitLive(caches.getDefault());
    return caches;
  }

  static void awaitLive(Cache chain) {
    Await.until(
        "invalidations live",
        RECONNECTION_BOUND,
        () -> chain.unwrap(ChainExtension.class).localTiersInUse());
  }

  /**
   * What {@code process}'s local tier holds for the chain's {@code key}: the tiers have the chain's
   * prefix and version (the defaults), so a tier's key for {@code key} is the chain's.
   */
  private static Object nearCopy(Caches process, String key) {
    return process.get("near").get(key, (Object) "absent");
  }

  private static void awaitNoNearCopy(Caches process, String key) {
    Await.until(
        "the local copy of " + key + " dropped",
        INVALIDATION_BOUND,
        () -> "absent".equals(nearCopy(process, key)));
  }

  /**
   * B reads {@code key} until its local tier holds {@code value}: the message of A's own write may
   * reach B just after B's first read, and drop the copy it made.
   */
  private void bHasRead(String key, Object value) {
    Await.until(
        "B's local tier holds " + key,
        INVALIDATION_BOUND,
        () -> value.equals(b.getDefault().get(key)) && value.equals(nearCopy(b, key)));
  }

  @Test
  void aSetInOneProcessDropsTheOthersLocalCopy() {
    a.getDefault().set("k", "v1");
    bHasRead("k", "v1");
    a.getDefault().set("k", "v2");
    awaitNoNearCopy(b, "k");
    assertThat((String) b.getDefault().get("k")).isEqualTo("v2");
  }

  @Test
  void aDeleteInOneProcessDropsTheOthersLocalCopy() {
    a.getDefault().set("k", "v1");
    bHasRead("k", "v1");
    a.getDefault().delete("k");
    awaitNoNearCopy(b, "k");
    assertThat((Object) b.getDefault().get("k")).isNull();
  }

  @Test
  void anIncrInOneProcessDropsTheOthersLocalCopy() {
    a.getDefault().set("n", 1);
    bHasRead("n", 1);
    a.getDefault().incr("n");
    awaitNoNearCopy(b, "n");
    assertThat((Integer) b.getDefault().get("n")).isEqualTo(2);
  }

  @Test
  void aClearInOneProcessClearsTheOthersLocalTier() {
    a.getDefault().setMany(Map.of("x", 1, "y", 2));
    bHasRead("x", 1);
    bHasRead("y", 2);
    a.getDefault().clear();
    awaitNoNearCopy(b, "x");
    awaitNoNearCopy(b, "y");
    assertThat(b.getDefault().getMany(List.of("x", "y"))).isEmpty();
  }

  @Test
  void aSetManyInOneProcessDropsEachOfTheOthersCopies() {
    a.getDefault().setMany(Map.of("x", 1, "y", 2));
    bHasRead("x", 1);
    bHasRead("y", 2);
    a.getDefault().setMany(Map.of("x", 10, "y", 20));
    awaitNoNearCopy(b, "x");
    awaitNoNearCopy(b, "y");
    assertThat(b.getDefault().getMany(List.of("x", "y")))
        .containsOnly(Map.entry("x", 10), Map.entry("y", 20));
  }

  @Test
  void aProcessKeepsItsOwnFreshCopyAfterItsOwnWrite() {
    a.getDefault().set("k", "v1");
    assertThat(nearCopy(a, "k")).isEqualTo("v1");
  }

  @Test
  void aRefilledLocalCopyLivesNoLongerThanTheRedisCopy() {
    b.get("redis").set("k", "v", Timeout.seconds(2));
    assertThat((String) b.getDefault().get("k")).isEqualTo("v");
    Timeout left = b.get("near").unwrap(CacheStore.class).timeToLive(b.getDefault().makeKey("k"));
    assertThat(left.toMillis()).isBetween(1L, 2000L);
  }

  @Test
  void aRefilledLocalCopyIsGoneWhenTheRedisCopyExpires() {
    b.get("redis").set("k", "v", Timeout.millis(300));
    assertThat((String) b.getDefault().get("k")).isEqualTo("v");
    Await.until(
        "the local copy expired", INVALIDATION_BOUND, () -> b.getDefault().get("k") == null);
    assertThat(nearCopy(b, "k")).isEqualTo("absent");
  }

  @Test
  void whileTheInvalidationConnectionIsDownNothingStaleIsServed() {
    a.getDefault().set("k", "v1");
    bHasRead("k", "v1");
    server.command("CLIENT", "KILL", "TYPE", "pubsub");
    // Written behind every chain's back (no message at all): only clearing on reconnection, or
    // bypassing while disconnected, can make B see it.
    a.get("redis").set("k", "v2");
    Await.until("B sees v2", INVALIDATION_BOUND, () -> "v2".equals(b.getDefault().get("k")));
    awaitLive(b.getDefault());
    assertThat((String) b.getDefault().get("k")).isEqualTo("v2");
  }

  @Test
  void localTiersAreBypassedWhileRedisIsDownAndClearedWhenItReturns() {
    a.getDefault().set("k", "v1");
    bHasRead("k", "v1");
    server.kill();
    Await.until(
        "B notices",
        INVALIDATION_BOUND,
        () -> !b.getDefault().unwrap(ChainExtension.class).localTiersInUse());
    server.restart();
    awaitLive(b.getDefault());
    assertThat(nearCopy(b, "k")).as("cleared on return").isEqualTo("absent");
  }

  @Test
  void aChainStartsWhileRedisIsDownAndUsesItsLocalTierOnceRedisIsUp() {
    server.kill();
    try (Caches c =
        Caches.builder()
            .environment(Map.of())
            .cache("default", d -> d.backend("chain").option("caches", List.of("near", "redis")))
            .cache("near", d -> d.backend("locmem").location("near-" + UUID.randomUUID()))
            .cache("redis", d -> d.backend("redis").location(server.url()))
            .build()) {
      assertThat(c.getDefault().unwrap(ChainExtension.class).localTiersInUse()).isFalse();
      server.restart();
      awaitLive(c.getDefault());
    }
  }
}
