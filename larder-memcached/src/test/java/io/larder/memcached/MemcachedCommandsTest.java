package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.InvalidCacheKeyException;
import io.larder.MissingKeyException;
import io.larder.testsupport.MemcachedServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the memcached backend does beyond the shared contract, on a pool of three servers. */
class MemcachedCommandsTest {
  private final List<MemcachedServer> servers = MemcachedServer.shared(3);
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    String location = Pools.location(servers);
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("memcached").location(location))
            .cache(
                "small",
                c -> c.backend("memcached").location(location).option("max_item_size", 2048))
            .cache(
                "trusting",
                c ->
                    c.backend("memcached")
                        .location(location)
                        .option("max_item_size", 4 * 1024 * 1024))
            .build();
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private long itemsOnEveryServer() {
    return servers.stream().mapToLong(s -> s.get(":1:canary") == null ? 0 : 1).sum();
  }

  // ------------------------------------------------------------ keys

  @Test
  void aKeyThatWouldInjectACommandIsRejectedBeforeTheWire() {
    cache.set("canary", "alive");
    assertThatThrownBy(() -> cache.set("x 0 0 1\r\nflush_all\r\n", "boom"))
        .isInstanceOf(InvalidCacheKeyException.class)
        .hasMessageContaining("\\x0d\\x0a");
    assertThatThrownBy(() -> cache.get("x\nflush_all"))
        .isInstanceOf(InvalidCacheKeyException.class);
    assertThatThrownBy(() -> cache.getMany(List.of("ok", "x\rflush_all")))
        .isInstanceOf(InvalidCacheKeyException.class);
    assertThat(itemsOnEveryServer()).isEqualTo(1);
    assertThat((String) cache.get("canary")).isEqualTo("alive");
  }

  @Test
  void aKeyOfFewerCharactersButOver250BytesOfUtf8IsRejected() {
    String key = "清".repeat(100);
    assertThatThrownBy(() -> cache.set(key, 1))
        .isInstanceOf(InvalidCacheKeyException.class)
        .hasMessageContaining("longer than 250 bytes in UTF-8");
  }

  @Test
  void aKeyOfExactly250BytesIsAccepted() {
    String key = "k".repeat(250 - ":1:".length());
    cache.set(key, "fits");
    assertThat((String) cache.get(key)).isEqualTo("fits");
  }

  // ------------------------------------------------------------ item size

  @Test
  void aValueOverTheItemSizeIsAnErrorNamingTheKeyAndSizeAndKeepsTheOldValue() {
    Cache small = caches.get("small");
    small.set("doc", "old");
    assertThatThrownBy(() -> small.set("doc", "x".repeat(5000)))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageContaining("':1:doc'")
        .hasMessageContaining("5000 bytes")
        .hasMessageContaining("2048 bytes");
    assertThat((String) small.get("doc")).isEqualTo("old");
  }

  @Test
  void aValueTheServerRefusesAsTooLargeIsTheSameError() {
    // The servers run with memcached's default -I 1m; this cache was told 4 MB.
    Cache trusting = caches.get("trusting");
    assertThatThrownBy(() -> trusting.set("big", new byte[2 * 1024 * 1024]))
        .isInstanceOf(ValueTooLargeException.class)
        .hasMessageContaining("the server refused it");
  }

  @Test
  void setManyReturnsTheKeysWhoseValuesAreTooLarge() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("fine", "small");
    values.put("huge", "x".repeat(5000));
    assertThat(caches.get("small").setMany(values)).containsExactly("huge");
    assertThat((String) caches.get("small").get("fine")).isEqualTo("small");
  }

  // ------------------------------------------------------------ incr / decr

  @Test
  void decrStopsAtZeroAsMemcachedDoes() {
    cache.set("n", 8);
    assertThat(cache.decr("n", 100)).isZero();
    assertThat((Object) cache.get("n")).isEqualTo(0);
  }

  @Test
  void incrOfAMissingKeyStoresNothing() {
    assertThatThrownBy(() -> cache.incr("absent")).isInstanceOf(MissingKeyException.class);
    assertThat(cache.hasKey("absent")).isFalse();
  }

  @Test
  void incrOfANegativeNumberWorksByCompareAndSwap() {
    cache.set("n", -5);
    assertThat(cache.incr("n", 2)).isEqualTo(-3);
    assertThat(cache.decr("n", 2)).isEqualTo(-5);
    assertThat((Object) cache.get("n")).isEqualTo(-5);
  }

  @Test
  void incrKeepsALongALong() {
    cache.set("l", 1L);
    cache.incr("l");
    assertThat((Object) cache.get("l")).isEqualTo(2L);
  }

  // ------------------------------------------------------------ many, clear

  @Test
  void getManyFindsKeysOnEveryServerOfThePool() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      values.put("key" + i, i);
    }
    cache.setMany(values);
    assertThat(servers)
        .allSatisfy(s -> assertThat(values.keySet()).anyMatch(key -> s.get(":1:" + key) != null));
    assertThat(cache.getMany(values.keySet())).isEqualTo(values);
  }

  @Test
  void clearFlushesEveryServerOfThePoolIncludingOtherApplicationsKeys() {
    for (MemcachedServer server : servers) {
      server.set("other-app-key", 0, 0, new byte[] {1});
    }
    cache.set("mine", 1);
    cache.clear();
    assertThat(servers).allSatisfy(s -> assertThat(s.get("other-app-key")).isNull());
    assertThat(cache.hasKey("mine")).isFalse();
  }
}
