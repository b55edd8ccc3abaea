package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.RedisServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A location list: the primary first, a replica after. Writes go to the primary, reads to it. */
class RedisReplicasTest {
  private RedisServers.Replicated servers;
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    servers = RedisServers.primaryWithReplica();
    caches =
        RedisCaches.of(
            c ->
                c.locations(List.of(servers.primary().url(4), servers.replica().url(4)))
                    .keyPrefix("replicated"));
    cache = caches.getDefault();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  /** Waits until the replica has every write the cache's connection sent to the primary. */
  private void awaitReplication() {
    assertThat(cache.unwrap(RedisExtension.class).commands().waitForReplication(1, 5_000))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void writesGoToThePrimaryAndReadsToTheReplica() {
    cache.set("greeting", "hello");
    awaitReplication();
    long primaryGets = servers.primary().commandCalls("get");
    long replicaGets = servers.replica().commandCalls("get");

    for (int i = 0; i < 10; i++) {
      assertThat((String) cache.get("greeting")).isEqualTo("hello");
    }

    assertThat(servers.replica().commandCalls("get") - replicaGets).isEqualTo(10);
    assertThat(servers.primary().commandCalls("get") - primaryGets).isZero();
  }

  @Test
  void incrRunsOnThePrimary() {
    cache.set("n", 1);
    assertThat(cache.incr("n", 4)).isEqualTo(5);
    awaitReplication();
    assertThat((Integer) cache.get("n")).isEqualTo(5);
  }

  @Test
  void getManyReadsFromTheReplica() {
    cache.setMany(Map.of("a", 1, "b", 2));
    awaitReplication();
    long replicaMgets = servers.replica().commandCalls("mget");
    assertThat(cache.<Integer>getMany(List.of("a", "b")))
        .containsEntry("a", 1)
        .containsEntry("b", 2);
    assertThat(servers.replica().commandCalls("mget") - replicaMgets).isEqualTo(1);
  }

  @Test
  void readFromPrimarySendsReadsToThePrimary() {
    Caches primaryOnly =
        RedisCaches.of(
            c ->
                c.locations(List.of(servers.primary().url(4), servers.replica().url(4)))
                    .keyPrefix("replicated")
                    .option("read_from", "primary"));
    try (primaryOnly) {
      Cache onPrimary = primaryOnly.getDefault();
      onPrimary.set("k", "v");
      long replicaGets = servers.replica().commandCalls("get");
      long primaryGets = servers.primary().commandCalls("get");
      assertThat((String) onPrimary.get("k")).isEqualTo("v");
      assertThat(servers.primary().commandCalls("get") - primaryGets).isEqualTo(1);
      assertThat(servers.replica().commandCalls("get") - replicaGets).isZero();
    }
  }
}
