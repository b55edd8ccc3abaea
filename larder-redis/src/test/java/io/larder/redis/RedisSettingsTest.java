package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Every wrong setting fails when the caches load, naming the alias, option, value and choices. */
class RedisSettingsTest {
  private static void load(Map<String, Object> settings) {
    Caches.from(Map.of("default", settings)).close();
  }

  /** Loads {@code settings} (nothing connects) and returns what {@code read} finds in the store. */
  private static <T> T loaded(Map<String, Object> settings, Function<RedisStore, T> read) {
    try (Caches caches = Caches.from(Map.of("default", settings))) {
      return read.apply(caches.getDefault().unwrap(RedisStore.class));
    }
  }

  private static String hostAndPort(RedisURI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  private static Map<String, Object> redis(String location, Map<String, Object> options) {
    return Map.of(
        "BACKEND", "django_redis.cache.RedisCache", "LOCATION", location, "OPTIONS", options);
  }

  @Test
  void aLocationThatIsNotARedisUrlIsRejected() {
    assertThatThrownBy(() -> load(redis("http://127.0.0.1:6379", Map.of())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("'location'")
        .hasMessageContaining("redis://");
  }

  @Test
  void aPasswordInTheLocationIsNeverShownInTheError() {
    assertThatThrownBy(() -> load(redis("redis://user:s3cret@127.0.0.1:6379/x", Map.of())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageNotContaining("s3cret")
        .hasMessageContaining("a database number");
  }

  @Test
  void djangosOwnRedisCacheRefusesACompressorDjangoCouldNotRead() {
    Map<String, Object> settings =
        Map.of(
            "BACKEND", "django.core.cache.backends.redis.RedisCache",
            "LOCATION", "redis://127.0.0.1:6379",
            "OPTIONS", Map.of("compressor", "zlib"));

    assertThatThrownBy(() -> load(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("options.compressor")
        .hasMessageContaining("zlib")
        .hasMessageContaining("never compresses")
        .hasMessageContaining("django_redis.cache.RedisCache");
  }

  @Test
  void aMissingLocationIsRejected() {
    assertThatThrownBy(() -> load(Map.of("BACKEND", "redis")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'location'");
  }

  @Test
  void anUnknownOptionIsRejectedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> load(redis("redis://127.0.0.1", Map.of("POOL_CLASS", "x"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.pool_class")
        .hasMessageContaining("socket_timeout");
  }

  @Test
  void badValuesAreRejectedWithTheAcceptedOnes() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("socket_timeout", "a number of seconds"),
            Map.entry("socket_connect_timeout", "0.001 or more"),
            Map.entry("read_from", "replica_preferred"),
            Map.entry("cluster", "true or false"),
            Map.entry("ignore_exceptions", "true or false"),
            Map.entry("stampede_lock", "true or false"),
            Map.entry("ssl_cert_reqs", "required or none"),
            Map.entry("ssl_ca_certs", "PEM file"),
            Map.entry("scan_count", "1 to 1000000"),
            Map.entry("db", "0 to"),
            Map.entry("sync_client", "jedis or lettuce"),
            Map.entry("max_connections", "1 to 100000"));
    Map<String, Object> values =
        Map.ofEntries(
            Map.entry("socket_timeout", "soon"),
            Map.entry("socket_connect_timeout", 0),
            Map.entry("read_from", "somewhere"),
            Map.entry("cluster", "maybe"),
            Map.entry("ignore_exceptions", "perhaps"),
            Map.entry("stampede_lock", "yes please"),
            Map.entry("ssl_cert_reqs", "optional"),
            Map.entry("ssl_ca_certs", "/no/such/ca.pem"),
            Map.entry("scan_count", 0),
            Map.entry("db", -1),
            Map.entry("sync_client", "netty"),
            Map.entry("max_connections", 0));
    expected.forEach(
        (option, accepted) ->
            assertThatThrownBy(
                    () -> load(redis("redis://127.0.0.1", Map.of(option, values.get(option)))))
                .as(option)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("options." + option)
                .hasMessageContaining(accepted));
  }

  @Test
  void sentinelsMustBeHostAndPortPairs() {
    assertThatThrownBy(
            () -> load(redis("redis://primary/0", Map.of("sentinels", List.of("127.0.0.1")))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.sentinels")
        .hasMessageContaining("host:port");
  }

  @Test
  void sentinelsAcceptPairsAsDjangoRedisWritesThem() {
    Map<String, Object> settings =
        redis(
            "redis://primary/0",
            Map.of("sentinels", List.of(List.of("127.0.0.1", 26379), List.of("localhost", 26380))));

    List<RedisOptions.HostAndPort> sentinels =
        loaded(settings, store -> store.options().sentinels());
    assertThat(sentinels)
        .containsExactly(
            new RedisOptions.HostAndPort("127.0.0.1", 26379),
            new RedisOptions.HostAndPort("localhost", 26380));
    RedisURI primary = loaded(settings, store -> store.nodes().get(0));
    assertThat(primary.getSentinelMasterId()).isEqualTo("primary");
    assertThat(primary.getSentinels()).map(RedisSettingsTest::hostAndPort)
        .containsExactly("127.0.0.1:26379", "localhost:26380");
  }

  @Test
  void sentinelsWithAClusterAreRejected() {
    assertThatThrownBy(
            () ->
                load(
                    redis(
                        "redis://primary/0",
                        Map.of("sentinels", List.of("127.0.0.1:26379"), "cluster", true))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.sentinels");
  }

  @Test
  void djangoRedisClientClassesOtherThanDefaultAndSentinelAreRejected() {
    assertThatThrownBy(
            () ->
                load(
                    redis(
                        "redis://127.0.0.1",
                        Map.of("CLIENT_CLASS", "django_redis.client.ShardClient"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.client_class")
        .hasMessageContaining("django_redis.client.DefaultClient");
  }

  @Test
  void djangoStyleSettingsLoadWithoutConnecting() {
    Map<String, Object> settings =
        redis(
            "redis://:pw@127.0.0.1:1/2",
            Map.of(
                "CLIENT_CLASS",
                "django_redis.client.DefaultClient",
                "SOCKET_TIMEOUT",
                0.5,
                "SOCKET_CONNECT_TIMEOUT",
                1,
                "IGNORE_EXCEPTIONS",
                true));

    RedisURI node = loaded(settings, store -> store.nodes().get(0));
    assertThat(hostAndPort(node)).isEqualTo("127.0.0.1:1");
    assertThat(node.getDatabase()).isEqualTo(2);
    assertThat(node.getCredentialsProvider().resolveCredentials().block().getPassword())
        .isEqualTo("pw".toCharArray());
    RedisOptions options = loaded(settings, RedisStore::options);
    assertThat(options.commandTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.sentinels()).isEmpty();
    boolean failsOpen = loaded(settings, store -> store.context().failsOpen());
    assertThat(failsOpen).as("ignore_exceptions").isTrue();
  }

  @Test
  void djangosOwnBackendNameAndLocationListsAreAccepted() {
    Caches caches =
        Caches.from(
            Map.of(
                "default",
                Map.of(
                    "BACKEND", "django.core.cache.backends.redis.RedisCache",
                    "LOCATION", "redis://127.0.0.1:1/0,redis://127.0.0.1:2/0",
                    "OPTIONS", Map.of("db", 3))));
    RedisStore store = caches.getDefault().unwrap(RedisStore.class);
    assertThat(store.nodes()).map(RedisSettingsTest::hostAndPort)
        .containsExactly("127.0.0.1:1", "127.0.0.1:2");
    assertThat(store.options().db()).isEqualTo(3);
    // A database in the URL wins over options.db, as in redis-py's from_url.
    assertThat(store.nodes()).map(RedisURI::getDatabase).containsExactly(0, 0);
    assertThat(store.options().format()).isEqualTo(RedisFormat.DJANGO);
    caches.close();
  }

  @Test
  void connectionPoolKwargsTakeOnlyMaxConnections() {
    int maxConnections =
        loaded(
            redis(
                "redis://127.0.0.1",
                Map.of("CONNECTION_POOL_KWARGS", Map.of("max_connections", 100))),
            store -> store.options().maxConnections());
    assertThat(maxConnections).isEqualTo(100);
    assertThatThrownBy(
            () ->
                load(
                    redis(
                        "redis://127.0.0.1",
                        Map.of("CONNECTION_POOL_KWARGS", Map.of("retry_on_timeout", true)))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.connection_pool_kwargs")
        .hasMessageContaining("only max_connections");
    assertThatThrownBy(
            () ->
                load(
                    redis(
                        "redis://127.0.0.1",
                        Map.of("CONNECTION_POOL_KWARGS", Map.of("max_connections", "many")))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.connection_pool_kwargs");
  }

  @Test
  void djangoRedisSentinelClientNeedsSentinels() {
    assertThatThrownBy(
            () ->
                load(
                    redis(
                        "redis://primary/0",
                        Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.sentinels");
  }

  @Test
  void djangoRedisSerializerAndCompressorClassPathsAreAccepted() throws DataFormatException {
    byte[] stored =
        loaded(
            redis(
                "redis://127.0.0.1",
                Map.of(
                    "SERIALIZER", "django_redis.serializers.pickle.PickleSerializer",
                    "COMPRESSOR", "django_redis.compressors.zlib.ZlibCompressor")),
            store -> store.context().serialize("a value long enough to be worth compressing"));

    Inflater zlib = new Inflater();
    zlib.setInput(stored);
    byte[] pickle = new byte[256];
    int length = zlib.inflate(pickle);
    assertThat(zlib.finished()).as("a whole zlib stream").isTrue();
    assertThat(pickle[0]).as("pickle's PROTO opcode").isEqualTo((byte) 0x80);
    assertThat(new String(pickle, 0, length, StandardCharsets.ISO_8859_1))
        .contains("a value long enough to be worth compressing");
  }
}
