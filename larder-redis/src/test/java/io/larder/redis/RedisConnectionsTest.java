package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.testsupport.RedisServer;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The location forms: TLS, Unix sockets, ACL users and passwords, the database number. */
class RedisConnectionsTest {
  private static RedisServer server;

  @BeforeAll
  static void start() {
    server =
        RedisServer.startTls(
            "--unixsocket",
            "{dir}/redis.sock",
            "--unixsocketperm",
            "700",
            "--user",
            "alice",
            "on",
            ">wonder#land",
            "~*",
            "+@all");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String roundTrip(Consumer<CacheDefinition> definition) {
    try (Caches caches =
        Caches.builder().environment(Map.of()).cache("default", definition::accept).build()) {
      Cache cache = caches.getDefault();
      cache.set("k", "through " + cache.settings().displayLocation());
      return cache.get("k");
    }
  }

  private static String socket() {
    return server.directory().resolve("redis.sock").toString();
  }

  @Test
  void rediss_connectsWithTlsAndVerifiesTheServerAgainstTheGivenCa() {
    String url = "rediss://127.0.0.1:" + server.tlsPort() + "/1";
    assertThat(
            roundTrip(
                c ->
                    c.backend("redis")
                        .location(url)
                        .option("ssl_ca_certs", server.caCertificate().toString())))
        .isEqualTo("through " + url);
  }

  @Test
  void rediss_refusesAServerItCannotVerify() {
    String url = "rediss://127.0.0.1:" + server.tlsPort() + "/1";
    assertThatThrownBy(() -> roundTrip(c -> c.backend("redis").location(url)))
        .isInstanceOf(BackendUnavailableException.class);
  }

  @Test
  void rediss_withCertReqsNoneSkipsVerification() {
    String url = "rediss://127.0.0.1:" + server.tlsPort() + "/1";
    assertThat(roundTrip(c -> c.backend("redis").location(url).option("ssl_cert_reqs", "none")))
        .startsWith("through");
  }

  @Test
  void unix_connectsThroughTheSocketToTheGivenDatabase() {
    String url = "unix://" + socket() + "?db=3";
    assertThat(roundTrip(c -> c.backend("redis").location(url))).startsWith("through");
    assertThat(server.command("INFO", "keyspace")).contains("db3:keys=1");
  }

  @Test
  void aUserAndPasswordInTheUrlAuthenticate() {
    String url = "redis://alice:wonder%23land@127.0.0.1:" + server.port() + "/2";
    assertThat(roundTrip(c -> c.backend("redis").location(url)))
        .isEqualTo("through redis://alice:***@127.0.0.1:" + server.port() + "/2");
  }

  @Test
  void aUserAndPasswordInOptionsAuthenticate() {
    assertThat(
            roundTrip(
                c ->
                    c.backend("redis")
                        .location(server.url(2))
                        .option("username", "alice")
                        .option("password", "wonder#land")))
        .startsWith("through");
  }

  @Test
  void bothClientsLogInAsTheUserOfTheUrl() {
    String url = "redis://alice:wonder%23land@127.0.0.1:" + server.port() + "/2";
    try (Caches caches =
        Caches.builder().environment(Map.of()).cache("default", c -> c.backend("redis").location(url)).build()) {
      Cache cache = caches.getDefault();
      cache.set("k", "v"); // Jedis
      cache.async().get("k").toCompletableFuture().join(); // Lettuce
      String clients = server.command("CLIENT", "LIST");
      assertThat(clients.lines().filter(l -> l.contains("name=larder")))
          .as("Jedis's connections")
          .isNotEmpty()
          .allMatch(l -> l.contains(" user=alice "));
      assertThat(clients.lines().filter(l -> l.contains("lib-name=Lettuce") || l.contains("cmd=get")))
          .as("Lettuce's connection")
          .isNotEmpty()
          .allMatch(l -> l.contains(" user=alice "));
    }
  }

  @Test
  void aWrongPasswordIsAClearErrorThatDoesNotShowIt() {
    String url = "redis://alice:not-it@127.0.0.1:" + server.port() + "/2";
    assertThatThrownBy(() -> roundTrip(c -> c.backend("redis").location(url)))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("Cache 'default'")
        .hasMessageNotContaining("not-it");
  }

  @Test
  void theDatabaseCanBeGivenAsAnOption() {
    roundTrip(
        c -> c.backend("redis").location("redis://127.0.0.1:" + server.port()).option("db", 9));
    assertThat(server.command("INFO", "keyspace")).contains("db9:keys=1");
  }
}
