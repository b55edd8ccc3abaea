package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.larder.AsyncCache;
import io.larder.BackendRefusedException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.Timeout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on a stock cluster: a member in its own JVM process with nothing but the Hazelcast
 * jar on its class path, as an operations team or a managed service runs one. Larder's entry
 * processors cannot run there, so {@code incr}, and {@code add} and {@code touch} through {@code
 * async()}, take the stock calls (docs/hazelcast.md, "On a stock cluster").
 */
class StockClusterCacheTest extends HazelcastContractTest {
  private static MemberProcesses members;
  private static HazelcastInstance inspector;
  private static Caches application;

  @BeforeAll
  static void startStockMember() {
    members = MemberProcesses.stock(1);
    ClientConfig config = new ClientConfig();
    config.setClusterName(members.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setAddresses(List.of(members.location().split(",")));
    config
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(60_000);
    inspector = HazelcastClient.newHazelcastClient(config);
    application =
        Caches.builder()
            .environment(Map.of())
            .cache("default", StockClusterCacheTest::client)
            .build();
  }

  @AfterAll
  static void stopStockMember() {
    if (application != null) {
      application.close();
    }
    if (inspector != null) {
      inspector.shutdown();
    }
    members.close();
  }

  private static CacheDefinition client(CacheDefinition cache) {
    return cache
        .backend("hazelcast")
        .location(members.location())
        .option("cluster_name", members.clusterName())
        .option("map", MAP)
        .option("connect_timeout", 60);
  }

  @Override
  protected void configure(CacheDefinition cache) {
    client(cache);
  }

  @Override
  protected HazelcastInstance inspector() {
    return inspector;
  }

  /**
   * The stock {@code incr} writes the value again with the time left to live, measured against this
   * JVM's clock: the expiry time is kept to the second (the member counts whole seconds from the
   * second it writes in), never earlier.
   */
  @Test
  @Override
  void incrKeepsTheEntrysExpiryTimeExactly() {
    cache.set("counter", 1, Timeout.seconds(10));
    long expires = entry("counter").getExpirationTime();
    cache.incr("counter");
    assertThat(entry("counter").getExpirationTime()).isBetween(expires, expires + 1_000);
    assertThat(cache.<Integer>get("counter")).isEqualTo(2);
  }

  /** As {@link #incrKeepsTheEntrysExpiryTimeExactly()}: to the second, never earlier. */
  @Test
  @Override
  void asyncIncrKeepsTheEntrysExpiryTimeExactly() {
    cache.set("counter", 1, Timeout.seconds(10));
    long expires = entry("counter").getExpirationTime();
    assertThat(cache.async().incr("counter", 41).join()).isEqualTo(42L);
    assertThat(entry("counter").getExpirationTime()).isBetween(expires, expires + 1_000);
  }

  /**
   * A stock member cannot run the entry processor that holds a partition busy; a lock on the key
   * holds its writes instead (reads do not wait for locks). While another client holds the key,
   * every asynchronous write returns at once with a pending future, and each answers as Django's
   * would once the key is free. {@code add}, {@code touch} and {@code incr} wait on a thread of
   * Larder's pool here, having no asynchronous stock form (docs/hazelcast.md).
   */
  @Test
  @Override
  void asyncCallsWaitInTheClusterNotOnAThread() {
    Map<String, Object> answers = new LinkedHashMap<>();
    Map<String, Function<AsyncCache, CompletableFuture<?>>> writes = asyncCallsOnHeld();
    List.of("get", "getMany", "hasKey").forEach(writes::remove);
    writes.forEach(
        (name, call) -> {
          cache.set("held", 41, Timeout.seconds(60));
          IMap<String, byte[]> map = inspector.getMap(MAP);
          String key = cache.makeKey("held");
          CompletableFuture<?> answer;
          map.lock(key);
          try {
            answer = call.apply(cache.async());
            assertThat(answer).as(name + " while another client holds the key").isNotDone();
          } finally {
            map.unlock(key);
          }
          answers.put(name, answer.join());
        });
    assertThat(answers)
        .containsEntry("add", false)
        .containsEntry("touch", true)
        .containsEntry("incr", 42L)
        .containsEntry("delete", true);
    assertThat(answers.get("set")).isNull();
  }

  @Test
  void concurrentIncrsThroughTwoClientsCountExactly() throws Exception {
    cache.set("hits", 0, Timeout.seconds(60));
    try (Caches other =
        Caches.builder()
            .environment(Map.of())
            // Another operation timeout: a client of its own, as another process would have.
            .cache("default", c -> client(c).option("operation_timeout", 6))
            .build()) {
      Cache second = other.getDefault();
      runConcurrently(
          6,
          () -> {
            Cache mine = Thread.currentThread().getId() % 2 == 0 ? cache : second;
            for (int i = 0; i < 200; i++) {
              mine.incr("hits");
              mine.decr("hits", 2);
              mine.incr("hits", 2);
            }
            return null;
          });
    }
    assertThat(cache.<Integer>get("hits")).isEqualTo(6 * 200);
    assertThat(ttl("hits")).isBetween(50_000L, 60_000L);
  }

  /** Asked before any entry processor is sent: on a mixed cluster a failed one may have counted. */
  @Test
  void theMembersAreAskedOnceForEveryCacheOfTheirClient() {
    try (Caches fresh =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> client(c).option("operation_timeout", 7))
            .cache("second", c -> client(c).option("operation_timeout", 7))
            .build()) {
      LarderClasses first = fresh.getDefault().unwrap(HazelcastStore.class).larderClasses();
      LarderClasses second = fresh.get("second").unwrap(HazelcastStore.class).larderClasses();
      assertThat(second.known()).isNull();
      fresh.getDefault().set("counter", 1);
      assertThat(fresh.getDefault().incr("counter")).isEqualTo(2);
      assertThat(first.known()).isFalse();
      assertThat(second).isSameAs(first);
    }
  }

  @Test
  void entryProcessorsTrueOnAStockClusterIsRefusedNamingTheJar() {
    try (Caches forced =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> client(c).option("entry_processors", true))
            .build()) {
      Cache strict = forced.getDefault();
      strict.set("counter", 1);
      assertThatThrownBy(() -> strict.incr("counter"))
          .isInstanceOf(BackendRefusedException.class)
          .hasMessageContaining("larder-hazelcast jar")
          .hasMessageContaining("entry_processors");
      assertThat(strict.<Integer>get("counter")).isEqualTo(1);
    }
  }

  @Test
  void aGivenClientOfAStockClusterCountsOnItAndItsCachesLearnThatTogether() {
    try (Caches given =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("hazelcast").option("instance", inspector))
            .cache("second", c -> c.backend("hazelcast").option("instance", inspector))
            .build()) {
      Cache cache = given.getDefault();
      cache.set("counter", 41, Timeout.seconds(30));
      assertThat(cache.incr("counter")).isEqualTo(42);
      assertThat(given.get("second").unwrap(HazelcastStore.class).larderClasses().known())
          .isFalse();
    }
    assertThat(inspector.getLifecycleService().isRunning()).isTrue();
  }

  @Test
  void anEmbeddedMemberJoiningAStockClusterCountsOnIt() {
    int port = TestMembers.freePort();
    try (Caches embedded =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("hazelcast")
                        .location(members.location())
                        .option("mode", "embedded")
                        .option("port", port)
                        .option("cluster_name", members.clusterName())
                        .option("map", "larder-embedded-on-stock"))
            .build()) {
      Cache cache = embedded.getDefault();
      assertThat(cache.unwrap(HazelcastMap.class).instance().getCluster().getMembers()).hasSize(2);
      for (int i = 0; i < 20; i++) {
        cache.set("counter-" + i, i, Timeout.seconds(30));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(cache.incr("counter-" + i, 100)).isEqualTo(100 + i);
        assertThat(cache.async().add("added-" + i, i, Timeout.seconds(30)).join()).isTrue();
        assertThat(cache.async().touch("added-" + i, Timeout.seconds(60)).join()).isTrue();
      }
      for (int i = 0; i < 20; i++) {
        assertThat(cache.<Integer>get("counter-" + i)).isEqualTo(100 + i);
        assertThat(cache.<Integer>get("added-" + i)).isEqualTo(i);
      }
    }
  }
}
