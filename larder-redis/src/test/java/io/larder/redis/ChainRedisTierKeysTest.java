package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chain's Redis tier (here with the chain's key prefix, whose keys its {@code clear} deletes) holds
 * the chain's entries under the chain's own key ({@code prefix:version:key}), so a plain Redis cache
 * or a Django app with the chain's key prefix and version (and the tier's serializer) reads what the
 * chain wrote, and the other way round.
 */
class ChainRedisTierKeysTest {
  private static final String PICKLE = "django_redis.serializers.pickle.PickleSerializer";

  /** django-redis configured as the chain: its prefix and version; argv[1] is the URL. */
  static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'shop', 'VERSION': 2}})
      import django
      django.setup()
      from django.core.cache import cache
      """;

  private RedisServer server;
  private Caches caches;
  private Cache chain;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("chain")
                        .option("caches", List.of("near", "redis"))
                        .keyPrefix("shop")
                        .version(2))
            .cache("near", c -> c.backend("locmem").location("near-" + UUID.randomUUID()))
            .cache(
                "redis",
                c ->
                    c.backend("redis")
                        .location(server.url())
                        .option("serializer", PICKLE)
                        .keyPrefix("shop"))
            .cache(
                "plain",
                c ->
                    c.backend("redis")
                        .location(server.url())
                        .option("serializer", PICKLE)
                        .keyPrefix("shop")
                        .version(2))
            .build();
    chain = caches.getDefault();
  }

  @AfterEach
  void stop() {
    caches.close();
    server.close();
  }

  private String django(String script) {
    return DjangoPython.DJANGO_3_2.run(DJANGO + script, server.url()).strip();
  }

  @Test
  void theRedisTierHoldsTheEntryUnderTheChainsKey() {
    chain.set("user:42", "Ada");
    assertThat(server.command("KEYS", "*")).isEqualTo("shop:2:user:42");
  }

  @Test
  void aPlainRedisCacheWithTheChainsPrefixAndVersionReadsWhatTheChainSet() {
    chain.set("user:42", "Ada");
    assertThat((String) caches.get("plain").get("user:42")).isEqualTo("Ada");
  }

  @Test
  void theChainReadsWhatAPlainRedisCacheWithItsPrefixAndVersionSet() {
    caches.get("plain").set("user:42", "Ada");
    assertThat((String) chain.get("user:42")).isEqualTo("Ada");
  }

  @Test
  void clearRemovesTheChainsEntriesFromARedisTierWithTheChainsPrefix() {
    chain.set("user:42", "Ada");
    chain.clear();
    assertThat(server.command("KEYS", "*")).isEmpty();
  }

  @Test
  void djangoReadsWhatTheChainSet() {
    chain.set("user:42", "Ada");
    assertThat(django("print(cache.get('user:42'))\n")).isEqualTo("Ada");
  }

  @Test
  void theChainReadsWhatDjangoSet() {
    django("cache.set('user:42', 'Ada')\n");
    assertThat((String) chain.get("user:42")).isEqualTo("Ada");
  }
}
