package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Sentinel set-up (a primary, a replica, two sentinels): the cache finds the primary through the
 * sentinels, and keeps writing after a failover.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelTest {
  private static final Duration FAILOVER_BOUND = Duration.ofSeconds(60);
  private RedisServers.Sentinels sentinels;
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    sentinels = RedisServers.sentinel();
    caches =
        RedisCaches.of(
            c ->
                c.location("redis://" + sentinels.masterName() + "/5")
                    .option("sentinels", sentinels.addresses())
                    .option("socket_timeout", 2));
    cache = caches.getDefault();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private RedisServer server(int port) {
    return sentinels.primary().port() == port ? sentinels.primary() : sentinels.replica();
  }

  @Test
  @Order(1)
  void theCacheWritesToThePrimaryTheSentinelsName() {
    cache.set("n", 7);
    RedisServer primary = server(sentinels.currentPrimaryPort());
    assertThat(primary.command("INFO", "keyspace")).contains("db5:keys=");
    // Reads go to the replica: wait until it has the write.
    assertThat(cache.unwrap(RedisExtension.class).commands().waitForReplication(1, 5_000)).isEqualTo(1);
    assertThat((Integer) cache.get("n")).isEqualTo(7);
  }

  @Test
  @Order(2)
  void writesKeepWorkingAfterAFailover() {
    int before = sentinels.currentPrimaryPort();
    cache.set("before", 1);
    assertThat(cache.unwrap(RedisExtension.class).commands().waitForReplication(1, 5_000)).isEqualTo(1);
    sentinels.failOver(FAILOVER_BOUND);
    sentinels
        .sentinels()
        .get(0)
        .awaitReply(
            FAILOVER_BOUND,
            r -> !r.endsWith("\n" + before),
            "SENTINEL",
            "get-master-addr-by-name",
            sentinels.masterName());
    int after = sentinels.currentPrimaryPort();
    assertThat(after).isNotEqualTo(before);

    // The old primary refuses writes (READONLY) until Lettuce has followed the switch.
    Await.until(
        "writes resumed",
        FAILOVER_BOUND,
        () -> {
          cache.set("after", 2);
          return true;
        });
    server(after).awaitReply(FAILOVER_BOUND, r -> r.contains("db5:keys="), "INFO", "keyspace");
    // Reads go to the replica, which is the old primary resynchronising: wait for it.
    Await.until(
        "the replica caught up",
        FAILOVER_BOUND,
        () -> Integer.valueOf(2).equals(cache.get("after")));
    assertThat((Integer) cache.get("before")).isEqualTo(1);
  }
}
