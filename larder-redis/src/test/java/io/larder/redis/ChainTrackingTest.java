package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.chain.ChainExtension;
import io.larder.spi.CacheStore;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain of local memory over Redis, kept coherent by Redis itself ({@code CLIENT TRACKING}):
 * writers that are not chains (Django through django-redis, a plain Larder cache, raw commands as
 * {@code redis-cli} sends them) change keys the chain has copied locally, and the chain's next reads
 * see the change. {@code local_timeout} is ten minutes, so only an invalidation can explain a fresh
 * read.
 */
class ChainTrackingTest {
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final String PICKLE = "django_redis.serializers.pickle.PickleSerializer";

  private RedisServer server;
  private Caches caches;
  private Cache chain;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    caches = caches(Map.of());
    chain = caches.getDefault();
    Await.until("tracking live", BOUND, () -> chain.unwrap(ChainExtension.class).localTiersInUse());
  }

  private Caches caches(Map<String, Object> chainOptions) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c -> {
              c.backend("chain")
                  .option("caches", List.of("near", "redis"))
                  .option("local_timeout", 600)
                  .keyPrefix("shop")
                  .version(2);
              chainOptions.forEach(c::option);
            })
        .cache("near", c -> c.backend("locmem").location("near-" + UUID.randomUUID()))
        .cache(
            "redis",
            c -> c.backend("redis").location(server.url()).option("serializer", PICKLE))
        .cache(
            "plain",
            c ->
                c.backend("redis")
                    .location(server.url())
                    .option("serializer", PICKLE)
                    .keyPrefix("shop")
                    .version(2))
        .build();
  }

  @AfterEach
  void stop() {
    if (caches != null) {
      caches.close();
    }
    server.close();
  }

  /**
   * Reads the key until the local tier holds a copy: the write that stored it is invalidated too,
   * and that may drop the first copy made.
   */
  private void copiedLocally(String key, Object value) {
    CacheStore near = caches.get("near").unwrap(CacheStore.class);
    Await.until(
        key + " copied locally",
        BOUND,
        () -> value.equals(chain.get(key)) && near.contains(chain.makeKey(key)));
  }

  private void awaitRead(String key, Object expected) {
    Await.until(
        key + " read as " + expected,
        BOUND,
        () -> java.util.Objects.equals(chain.get(key), expected));
  }

  @Test
  void aChainOverRedisSixOrLaterIsKeptCoherentByTheServer() {
    assertThat(chain.unwrap(ChainExtension.class).coherence()).isEqualTo("tracking");
    assertThat(trackingClientId()).isNotEmpty();
  }

  @Test
  void aPlainCacheOverwritingAndDeletingIsSeen() {
    Cache plain = caches.get("plain");
    plain.set("user:42", "Ada");
    copiedLocally("user:42", "Ada");
    plain.set("user:42", "Grace");
    awaitRead("user:42", "Grace");
    plain.delete("user:42");
    awaitRead("user:42", null);
  }

  @Test
  void rawCommandsAsRedisCliSendsThemAreSeen() {
    caches.get("plain").set("n", 1);
    copiedLocally("n", 1);
    server.command("DEL", "shop:2:n");
    awaitRead("n", null);
    caches.get("plain").set("m", 1);
    copiedLocally("m", 1);
    server.command("PEXPIRE", "shop:2:m", "1");
    awaitRead("m", null);
  }

  @Test
  void aFlushOfTheDatabaseDropsEveryLocalCopy() {
    caches.get("plain").set("a", 1);
    copiedLocally("a", 1);
    server.command("FLUSHDB");
    awaitRead("a", null);
  }

  @Test
  void djangoWritingThroughDjangoRedisIsSeen() {
    for (DjangoPython django : DjangoPython.values()) {
      django.run(ChainRedisTierKeysTest.DJANGO + "cache.set('page', 'old')\n", server.url());
      copiedLocally("page", "old");
      django.run(ChainRedisTierKeysTest.DJANGO + "cache.set('page', 'new')\n", server.url());
      awaitRead("page", "new");
      django.run(ChainRedisTierKeysTest.DJANGO + "cache.delete('page')\n", server.url());
      awaitRead("page", null);
    }
  }

  @Test
  void whileTheTrackingConnectionIsDownLocalCopiesAreBypassedAndDroppedOnReturn() {
    Cache plain = caches.get("plain");
    plain.set("k", "before");
    copiedLocally("k", "before");
    // A write while nobody tracks (the connection killed, Lettuce reconnecting) is missed: it must
    // not be served from the local copy.
    server.command("CLIENT", "KILL", "ID", trackingClientId());
    plain.set("k", "during");
    awaitRead("k", "during");
    Await.until(
        "tracking live again", BOUND, () -> chain.unwrap(ChainExtension.class).localTiersInUse());
    assertThat((String) chain.get("k")).isEqualTo("during");
    plain.set("k", "after");
    awaitRead("k", "after");
  }

  private String trackingClientId() {
    for (String line : server.command("CLIENT", "LIST").split("\n")) {
      if (line.matches(".* flags=[A-Za-z]*t[A-Za-z]* .*")) {
        return line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
      }
    }
    throw new AssertionError("no tracking client in " + server.command("CLIENT", "LIST"));
  }

  @Test
  void publishCanStillBeChosen() {
    caches.close();
    caches = caches(Map.of("coherence", "publish"));
    chain = caches.getDefault();
    Await.until("publish live", BOUND, () -> chain.unwrap(ChainExtension.class).localTiersInUse());
    assertThat(chain.unwrap(ChainExtension.class).coherence()).isEqualTo("publish");
  }

  @Test
  void aSourceTheTiersCannotGiveIsRefusedNamingTheChainTheTierAndWhatIsAccepted() {
    caches.close();
    caches = null;
    assertThatThrownBy(() -> caches(Map.of("coherence", "notify")).getDefault())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageContaining("coherence")
        .hasMessageContaining("tier 'redis'")
        .hasMessageContaining("tracking, publish, timeout");
    assertThatThrownBy(() -> caches(Map.of("coherence", "sometimes")).getDefault())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("auto, tracking, events, notify, publish, timeout");
  }

  @Test
  void trackingOverATierThatCannotTellIsRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("chain")
                        .option("caches", List.of("near", "files"))
                        .option("coherence", "tracking"))
            .cache("near", c -> c.backend("locmem").location("near-" + UUID.randomUUID()))
            .cache("files", c -> c.backend("filebased").location(dir.toString()))
            .build()
            .getDefault())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("tier 'files', the last, tells of no writer's changes");
  }
}
