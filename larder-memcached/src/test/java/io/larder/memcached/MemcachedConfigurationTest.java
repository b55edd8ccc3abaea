package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.testsupport.MemcachedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting of the memcached backend is checked at start-up, with the standard message. */
class MemcachedConfigurationTest {
  private static Caches load(Consumer<CacheDefinition> definition) {
    return Caches.builder()
        .environment(Map.of())
        .cache("default", c -> c.backend("locmem"))
        .cache("shop", definition)
        .build();
  }

  private static void assertRejected(Consumer<CacheDefinition> definition, String... fragments) {
    assertThatThrownBy(() -> load(definition))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Cache 'shop': setting ")
        .hasMessageContainingAll(fragments);
  }

  @Test
  void locationMayBeAListOrAStringSeparatedByCommasOrSemicolons() {
    for (Consumer<CacheDefinition> location :
        List.<Consumer<CacheDefinition>>of(
            c -> c.location("a.example:11211;b.example:11212"),
            c -> c.location("a.example:11211,b.example:11212"),
            c -> c.locations(List.of("a.example:11211", "b.example:11212")))) {
      try (Caches caches =
          load(
              c ->
                  location.accept(
                      c.backend("memcached").location("").option("hashing", "ketama")))) {
        assertThat(poolOf(caches).servers())
            .containsExactly(new Server("a.example", 11211), new Server("b.example", 11212));
      }
    }
  }

  /** The memcached pool's settings of the cache {@code shop}, as the backend parsed them. */
  private static PoolOptions poolOf(Caches caches) {
    return caches.get("shop").unwrap(MemcachedStore.class).options();
  }

  @Test
  void weightsMustBeOnePerServer() {
    assertRejected(
        c ->
            c.backend("django.core.cache.backends.memcached.MemcachedCache")
                .location("a.example:11211,b.example:11211")
                .option("weights", List.of(2, 1, 1)),
        "'options.weights'",
        "[2, 1, 1]",
        "a list of 2 whole numbers from 1 to 1000");
  }

  @Test
  void weightsMustBePositiveWholeNumbers() {
    assertRejected(
        c ->
            c.backend("memcached")
                .location("a.example:11211,b.example:11211")
                .option("hashing", "crc32")
                .option("weights", List.of(2, 0)),
        "'options.weights'",
        "from 1 to 1000");
  }

  @Test
  void weightsAreRefusedWhereTheHashingKnowsNone() {
    assertRejected(
        c ->
            c.backend("django.core.cache.backends.memcached.PyMemcacheCache")
                .location("a.example:11211,b.example:11211")
                .option("weights", List.of(2, 1)),
        "'options.weights'",
        "only hashing crc32 (python-memcached, Django's MemcachedCache)");
  }

  @Test
  void aHostAloneMeansTheDefaultPort() {
    MemcachedServer server = MemcachedServer.shared(1).get(0);
    try (Caches caches = load(c -> c.backend("memcached").location(server.address()))) {
      caches.get("shop").set("k", "v");
    }
    assertThat(Server.parse(null, "cache.example")).isEqualTo(new Server("cache.example", 11211));
    assertThat(Server.parse(null, "[::1]:11300")).isEqualTo(new Server("::1", 11300));
  }

  @Test
  void djangosDottedPathsSelectTheBackend() {
    Map<String, Ring.Hashing> hashingOfEach =
        Map.of(
            "django.core.cache.backends.memcached.PyMemcacheCache", Ring.Hashing.RENDEZVOUS,
            "django.core.cache.backends.memcached.PyLibMCCache", Ring.Hashing.KETAMA,
            "django.core.cache.backends.memcached.MemcachedCache", Ring.Hashing.CRC32);
    hashingOfEach.forEach(
        (path, hashing) -> {
          try (Caches caches = load(c -> c.backend(path).location("127.0.0.1:11211"))) {
            // unwrap fails unless the store is the memcached backend's
            PoolOptions pool = poolOf(caches);
            assertThat(pool.servers()).as(path).containsExactly(new Server("127.0.0.1", 11211));
            assertThat(pool.hashing()).as(path).isEqualTo(hashing);
          }
        });
  }

  @Test
  void aMissingLocationIsRejected() {
    assertRejected(c -> c.backend("memcached"), "'location'", "host:port");
  }

  @Test
  void aMalformedServerIsRejected() {
    assertRejected(
        c -> c.backend("memcached").location("127.0.0.1:port"), "'location'", "'127.0.0.1:port'");
    assertRejected(c -> c.backend("memcached").location("127.0.0.1:70000"), "'location'");
    assertRejected(
        c -> c.backend("memcached").location("unix:/run/memcached.sock"),
        "unix sockets are not supported");
  }

  @Test
  void aServerListedTwiceIsRejected() {
    assertRejected(c -> c.backend("memcached").location("a:1,a:1"), "each server listed once");
  }

  @Test
  void anUnknownHashingIsRejected() {
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("hashing", "modula"),
        "'options.hashing'",
        "'modula'",
        "ketama",
        "rendezvous");
  }

  @Test
  void numericOptionsAreRangeChecked() {
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("max_item_size", 10),
        "'options.max_item_size'",
        "1024 to 1073741824");
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("retry_attempts", 0),
        "'options.retry_attempts'");
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("dead_timeout", "soon"),
        "'options.dead_timeout'",
        "a number of seconds");
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("pool_size", 1000),
        "'options.pool_size'");
  }

  @Test
  void onlyZlibCompressionIsAccepted() {
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("compressor", "gzip"),
        "'options.compressor'",
        "none or zlib");
  }

  @Test
  void anUnknownOptionIsRejectedListingTheKnownOnes() {
    assertRejected(
        c -> c.backend("memcached").location("a:1").option("hashnig", "ketama"),
        "'options.hashnig'",
        "hashing",
        "dead_timeout");
  }

  @Test
  void theExamplesInTheConfigurationGuideLoad(@TempDir Path dir) throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "configuration.md"));
    String section = guide.substring(guide.indexOf("### `memcached`"));
    assertThat(loadYamlBlocks(section.substring(0, section.indexOf("\n### ", 1)), dir))
        .isEqualTo(2);
  }

  @Test
  void theExampleInTheDjangoSharingGuideLoads(@TempDir Path dir) throws IOException {
    // The pymemcache example and the python-memcached (MemcachedCache) one.
    assertThat(loadYamlBlocks(Files.readString(Path.of("..", "docs", "memcached.md")), dir))
        .isEqualTo(2);
  }

  /** Loads every YAML block of {@code text} as a configuration; returns how many there were. */
  private static int loadYamlBlocks(String text, Path dir) throws IOException {
    Matcher blocks = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(text);
    int loaded = 0;
    while (blocks.find()) {
      Path file = dir.resolve("example" + loaded + ".yml");
      Files.writeString(file, blocks.group(1));
      try (Caches caches = Caches.load(file)) {
        assertThat(caches.getDefault().unwrap(MemcachedStore.class).options().servers())
            .as("the servers of example %d:%n%s", loaded, blocks.group(1))
            .isNotEmpty();
      }
      loaded++;
    }
    return loaded;
  }

  @Test
  void pyMemcacheCachesPathDefaultsToPymemcachesHashingAndTheOthersToKetama() {
    List<MemcachedServer> servers = MemcachedServer.shared(3);
    String location = Pools.location(servers);
    List<Server> pool = Pools.asServers(servers);
    assertPlacement(
        "django.core.cache.backends.memcached.PyMemcacheCache",
        location,
        servers,
        new RendezvousRing(pool));
    assertPlacement("memcached", location, servers, new KetamaRing(pool));
  }

  private static void assertPlacement(
      String backend, String location, List<MemcachedServer> servers, Ring expected) {
    try (Caches caches = load(c -> c.backend(backend).location(location))) {
      caches.get("shop").clear();
      for (int i = 0; i < 20; i++) {
        caches.get("shop").set("key" + i, i);
        MemcachedServer holder = servers.get(expected.serverFor(":1:key" + i));
        assertThat(holder.get(":1:key" + i)).as("%s key%d", backend, i).isNotNull();
      }
    }
  }
}
