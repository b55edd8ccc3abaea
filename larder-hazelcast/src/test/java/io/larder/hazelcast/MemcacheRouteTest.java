package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.MemcacheProtocolConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.larder.BackendRefusedException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.InvalidCacheKeyException;
import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memcache route: a real Hazelcast member with its memcache text protocol on, Larder's {@code
 * memcached} backend and real Django's {@code PyMemcacheCache} (Debian's pymemcache) pointed at it,
 * both with the key function for that endpoint: each reads and counts what the other wrote.
 */
class MemcacheRouteTest {
  private static HazelcastInstance member;
  private static String location;
  private static Path pythonPath;
  private Caches caches;
  private Cache cache;

  /** Django on the endpoint; argv[1] is the member, argv[2] the folder of the key function. */
  private static final String DJANGO =
      """
      import sys
      sys.path.insert(0, sys.argv[2])
      from django.conf import settings
      settings.configure(CACHES={
          'default': {'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
                      'LOCATION': sys.argv[1], 'KEY_FUNCTION': 'larder_hazelcast_keys.make_key'},
          'djangos_keys': {'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
                           'LOCATION': sys.argv[1], 'KEY_PREFIX': 'plain'}})
      import django
      django.setup()
      from django.core.cache import caches
      cache = caches['default']
      """;

  @BeforeAll
  static void startMember() throws IOException {
    int port = TestMembers.freePort();
    Config config = new Config();
    config.setClusterName("larder-memcache-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.setMemcacheProtocolConfig(new MemcacheProtocolConfig().setEnabled(true));
    member = Hazelcast.newHazelcastInstance(config);
    location = "127.0.0.1:" + port;
    pythonPath = Files.createTempDirectory("larder-hazelcast-keys");
    try (InputStream keys =
        MemcacheEndpointKeys.class.getResourceAsStream("larder_hazelcast_keys.py")) {
      Files.copy(keys, pythonPath.resolve("larder_hazelcast_keys.py"));
    }
  }

  @AfterAll
  static void stopMember() {
    member.getLifecycleService().terminate();
  }

  @BeforeEach
  void open() {
    caches = onTheEndpoint(c -> c.keyFunction(new MemcacheEndpointKeys()));
    cache = caches.getDefault();
  }

  /** A {@code memcached} cache on the member's endpoint, with pickled values, as {@code tuned}. */
  private static Caches onTheEndpoint(Consumer<CacheDefinition> tuned) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c -> {
              c.backend("django.core.cache.backends.memcached.PyMemcacheCache")
                  .location(location)
                  .option("serializer", "pickle");
              tuned.accept(c);
            })
        .build();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private static String django(String script) {
    return DjangoPython.DJANGO_3_2.run(DJANGO + script, location, pythonPath.toString()).strip();
  }

  @Test
  void theKeyFunctionEscapesColonsAndWhatTheEndpointDecodes() {
    assertThat(new MemcacheEndpointKeys().makeKey("user:42", "", 1)).isEqualTo("~3A1~3Auser~3A42");
    assertThat(new MemcacheEndpointKeys().makeKey("a%3Ab+c~", "shop", 2))
        .isEqualTo("shop~3A2~3Aa~253Ab~2Bc~7E");
  }

  @Test
  void pythonsKeyFunctionMakesTheSameKeys() {
    assertThat(
            django(
                "import larder_hazelcast_keys as k\n"
                    + "print(k.make_key('user:42', '', 1), k.make_key('a%3Ab+c~', 'shop', 2))"))
        .isEqualTo("~3A1~3Auser~3A42 shop~3A2~3Aa~253Ab~2Bc~7E");
  }

  @Test
  void djangoReadsWhatLarderWrote() {
    cache.set("greeting", "hello");
    cache.set("cart:42", Map.of("items", List.of("apple", "pear")));
    cache.set("count", 5);
    assertThat(
            django(
                "print(repr(cache.get('greeting')), repr(cache.get('cart:42')),"
                    + " repr(cache.get('count')))"))
        .isEqualTo("'hello' {'items': ['apple', 'pear']} 5");
  }

  @Test
  void larderReadsWhatDjangoWrote() {
    django(
        "cache.set('greeting', 'bonjour'); cache.set('cart:7', {'items': ['fig']});"
            + " cache.set('count', 11)");
    assertThat((String) cache.get("greeting")).isEqualTo("bonjour");
    assertThat((Object) cache.get("cart:7")).isEqualTo(Map.of("items", List.of("fig")));
    assertThat((Object) cache.get("count")).isEqualTo(11);
  }

  @Test
  void eachSideCountsTheOthersCounter() {
    cache.set("hits", 5);
    assertThat(django("print(cache.incr('hits', 3))")).isEqualTo("8");
    assertThat((Object) cache.get("hits")).isEqualTo(8);
    assertThat(cache.incr("hits")).isEqualTo(9);
    assertThat(django("print(repr(cache.get('hits')))")).isEqualTo("9");
  }

  @Test
  void addTouchDeleteAndManyKeysKeepDjangosSemanticsOnTheEndpoint() {
    assertThat(cache.add("a", 1)).isTrue();
    assertThat(cache.add("a", 2)).isFalse();
    assertThat(cache.touch("a", Timeout.seconds(100))).isTrue();
    cache.setMany(Map.of("b", "two", "c:3", "three"));
    assertThat(cache.<Object>getMany(List.of("a", "b", "c:3", "missing")))
        .isEqualTo(Map.of("a", 1, "b", "two", "c:3", "three"));
    cache.deleteMany(List.of("a", "b"));
    assertThat(cache.delete("c:3")).isTrue();
    assertThat(cache.getMany(List.of("a", "b", "c:3"))).isEmpty();
  }

  @Test
  void djangosOwnKeysBreakAfterAnIncrOnTheEndpoint() {
    assertThat(
            django(
                """
                plain = caches['djangos_keys']
                plain.set('i', 5)
                plain.incr('i')
                try:
                    plain.get('i')
                    print('read')
                except KeyError as e:
                    print('KeyError', e)
                """))
        .isEqualTo("KeyError b'1:i'");
  }

  /**
   * Hazelcast's endpoint has no {@code flush_all} (it closes the connection; pymemcache raises
   * MemcacheUnknownCommandError). Larder's clear says so instead of emptying nothing silently.
   */
  @Test
  void clearIsRefusedOnTheEndpointSayingWhyAndEveryEntryIsKept() {
    cache.set("kept", "value");
    assertThatThrownBy(cache::clear)
        .isInstanceOf(BackendRefusedException.class)
        .hasMessageContaining("clear emptied nothing")
        .hasMessageContaining(location)
        .hasMessageContaining("no flush_all");
    assertThat((String) cache.get("kept")).isEqualTo("value");
    cache.set("after", "clear");
    assertThat(django("print(repr(cache.get('after')))")).isEqualTo("'clear'");
  }

  /**
   * Django's own made keys hold colons: once Django has counted one, the endpoint answers a get of
   * it under another key, which would cost Larder's connection. Such keys are refused before they
   * reach the endpoint, naming the key function that fixes them.
   */
  @Test
  void djangosOwnKeysAreRefusedBeforeTheWireNamingTheKeyFunction() {
    django("plain = caches['djangos_keys']; plain.set('i', 5); plain.incr('i')");
    try (Caches plain = onTheEndpoint(c -> c.keyPrefix("plain"))) {
      Cache djangosKeys = plain.getDefault();
      for (ThrowingCallable call :
          List.<ThrowingCallable>of(
              () -> djangosKeys.get("i"),
              () -> djangosKeys.getMany(List.of("i", "j")),
              () -> djangosKeys.set("j", 1),
              () -> djangosKeys.incr("i"),
              () -> djangosKeys.delete("i"))) {
        assertThatThrownBy(call)
            .isInstanceOf(InvalidCacheKeyException.class)
            .hasMessageContaining("'plain:1:")
            .hasMessageContaining("Hazelcast's memcache endpoint")
            .hasMessageContaining("key_function: io.larder.hazelcast.MemcacheEndpointKeys");
      }
    }
    assertThat(django("print(caches['djangos_keys'].get('j', 'absent'))")).isEqualTo("absent");
  }

  /**
   * A value memcached's incr cannot count (a negative number) is counted on memcached by
   * gets/cas, which this endpoint does not have (gets answers without a CAS token, which would
   * cost the connection): refused, saying so, and the value is kept.
   */
  @Test
  void incrOfAValueTheEndpointCannotCountIsRefusedAndTheValueKept() {
    cache.set("below", -5);
    assertThatThrownBy(() -> cache.incr("below"))
        .isInstanceOf(BackendRefusedException.class)
        .hasMessageContaining("no gets/cas");
    assertThat((Object) cache.get("below")).isEqualTo(-5);
    cache.set("above", 5);
    assertThat(cache.incr("above", 2)).isEqualTo(7);
  }
}
