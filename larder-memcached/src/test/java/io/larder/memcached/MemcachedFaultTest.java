package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.testsupport.MemcachedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One server of a pool of three is killed mid-run (its own processes, not the shared ones): the
 * others' keys are still served, its keys miss without exceptions when the cache fails open, it
 * leaves the ring after repeated failures, and it comes back after {@code dead_timeout}. The pool's
 * health runs on the injected clock, so the retry and dead timeouts pass without sleeping.
 */
class MemcachedFaultTest {
  private static final int KEYS = 30;
  private static final long RESTART_WAIT_MILLIS = 10_000;

  private final MutableClock clock = new MutableClock();
  private final List<MemcachedServer> servers = new ArrayList<>();
  private MemcachedServer victim;
  private Caches caches;
  private Cache failOpen;
  private Cache strict;
  private Ring ring;

  @BeforeEach
  void start() {
    for (int i = 0; i < 3; i++) {
      servers.add(MemcachedServer.start());
    }
    victim = servers.get(1);
    String location = Pools.location(servers);
    caches =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache("default", c -> pool(c, location).option("ignore_exceptions", true))
            .cache("strict", c -> pool(c, location))
            .build();
    failOpen = caches.getDefault();
    strict = caches.get("strict");
    ring = new KetamaRing(Pools.asServers(servers));
    IntStream.range(0, KEYS).forEach(i -> failOpen.set("key" + i, i));
  }

  private static CacheDefinition pool(CacheDefinition c, String location) {
    return c.backend("memcached")
        .location(location)
        .option("retry_attempts", 2)
        .option("retry_timeout", 1)
        .option("dead_timeout", 60)
        .option("operation_timeout", 1);
  }

  @AfterEach
  void stop() {
    caches.close();
    servers.forEach(MemcachedServer::close);
  }

  private List<String> keysOn(MemcachedServer server, boolean on) {
    return IntStream.range(0, KEYS)
        .mapToObj(i -> "key" + i)
        .filter(key -> (servers.get(ring.serverFor(":1:" + key)) == server) == on)
        .toList();
  }

  /** Fails the victim's keys until the pool takes it out of the ring. */
  private void makeVictimDead() {
    String key = keysOn(victim, true).get(0);
    failOpen.get(key);
    clock.advance(Duration.ofMillis(1100));
    failOpen.get(key);
  }

  @Test
  void theOtherServersKeysAreServedAndTheKilledServersKeysMissWithoutExceptions() {
    victim.kill();
    for (int round = 0; round < 3; round++) {
      for (String key : keysOn(victim, false)) {
        assertThat((Object) failOpen.get(key))
            .as(key)
            .isEqualTo(Integer.parseInt(key.substring(3)));
      }
      for (String key : keysOn(victim, true)) {
        assertThat((Object) failOpen.get(key)).as(key).isNull();
      }
      clock.advance(Duration.ofMillis(1100));
    }
    assertThat(failOpen.stats().errors()).isPositive();
  }

  @Test
  void keysOnTheOtherServersAreServedThroughoutAKill() throws InterruptedException {
    List<String> others = keysOn(victim, false);
    AtomicReference<Throwable> problem = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (int round = 0; round < 100; round++) {
                  for (String key : others) {
                    assertThat((Object) failOpen.get(key)).isNotNull();
                  }
                }
              } catch (Throwable t) {
                problem.set(t);
              }
            });
    reader.start();
    victim.kill();
    reader.join(60_000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(problem.get()).isNull();
  }

  @Test
  void withoutFailingOpenAKilledServersKeysRaiseUntilItLeavesTheRing() {
    String key = keysOn(victim, true).get(0);
    victim.kill();
    assertThatThrownBy(() -> strict.get(key))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(victim.address());
    // Resting after a failure: refused at once, without waiting on the network.
    assertThatThrownBy(() -> strict.get(key)).hasMessageContaining("not retried yet");
    clock.advance(Duration.ofMillis(1100));
    assertThatThrownBy(() -> strict.get(key)).isInstanceOf(BackendUnavailableException.class);

    // Out of the ring: the key now lives on another server.
    assertThat((Object) strict.get(key)).isNull();
    strict.set(key, "moved");
    assertThat((String) strict.get(key)).isEqualTo("moved");
    assertThat(servers).filteredOn(s -> s != victim && s.get(":1:" + key) != null).hasSize(1);
  }

  @Test
  void getManyReturnsTheLiveServersKeysWhenOneIsDown() {
    victim.kill();
    List<String> all = IntStream.range(0, KEYS).mapToObj(i -> "key" + i).toList();
    Map<String, Object> found = failOpen.getMany(all);
    assertThat(found.keySet()).containsExactlyElementsOf(keysOn(victim, false));
    assertThat(failOpen.stats().errors()).isPositive();
  }

  @Test
  void setManyReportsTheKilledServersKeysAsFailed() {
    victim.kill();
    Map<String, Object> values = new LinkedHashMap<>();
    IntStream.range(0, KEYS).forEach(i -> values.put("key" + i, "new"));
    assertThat(failOpen.setMany(values)).containsExactlyInAnyOrderElementsOf(keysOn(victim, true));
    keysOn(victim, false).forEach(key -> assertThat((String) failOpen.get(key)).isEqualTo("new"));
  }

  @Test
  void clearWithAServerDownFlushesTheOthersAndNamesIt() {
    victim.kill();
    assertThatThrownBy(strict::clear)
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(victim.address());
    keysOn(victim, false).forEach(key -> assertThat(strict.hasKey(key)).isFalse());
  }

  @Test
  void aRestartedServerComesBackIntoTheRingAfterTheDeadTimeout() throws InterruptedException {
    victim.kill();
    makeVictimDead();
    String key = keysOn(victim, true).get(0);
    failOpen.set(key, "while dead");
    assertThat(victim.isRunning()).isFalse();

    victim.restart();
    long deadline = System.currentTimeMillis() + RESTART_WAIT_MILLIS;
    while (victim.get(":1:" + key) == null && System.currentTimeMillis() < deadline) {
      // xmemcached reconnects on its own schedule; until then each try fails and kills it again.
      clock.advance(Duration.ofSeconds(61));
      failOpen.set(key, "back");
      Thread.sleep(200);
    }
    assertThat(victim.get(":1:" + key)).isNotNull();
    assertThat((String) failOpen.get(key)).isEqualTo("back");
  }

  @Test
  void whenEveryServerIsDownReadsMissAndWritesAreDropped() {
    servers.forEach(MemcachedServer::kill);
    for (int round = 0; round < 3; round++) {
      assertThat((Object) failOpen.get("key0")).isNull();
      failOpen.set("key0", "dropped");
      clock.advance(Duration.ofMillis(1100));
    }
    assertThatThrownBy(() -> strict.get("key0")).isInstanceOf(BackendUnavailableException.class);
  }
}
