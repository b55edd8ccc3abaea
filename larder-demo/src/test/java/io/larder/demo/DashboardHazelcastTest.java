package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.nearcache.NearCacheStats;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.hazelcast.HazelcastMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's Hazelcast panel (issue 13), {@code /_larder/hazelcast.json}, on a demo whose
 * {@code shared} cache is a client of a real one-member cluster with a near cache.
 */
class DashboardHazelcastTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private OneMemberCluster cluster;
  private Caches caches;
  private DemoServer server;

  @BeforeEach
  void start() throws Exception {
    cluster = new OneMemberCluster();
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of("backend", "locmem", "location", "dashboard-hazelcast-test"),
                    "shared",
                    cluster.clientCache()))
            .build();
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    try {
      server.close();
      caches.close();
    } finally {
      cluster.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode panel() throws Exception {
    return new ObjectMapper().readTree(get("/_larder/hazelcast.json").body()).get("caches");
  }

  @Test
  void thePanelListsOnlyTheHazelcastCache() throws Exception {
    JsonNode rows = panel();

    assertThat(rows).hasSize(1);
    assertThat(rows.at("/0/alias").asText()).isEqualTo("shared");
  }

  @Test
  void thePanelShowsTheMembersTheMapAndItsSize() throws Exception {
    Cache shared = caches.get("shared");
    shared.set("a", "1");
    shared.set("b", "2");

    JsonNode row = panel().get(0);

    assertThat(row.get("map").asText()).isEqualTo("larder-shared");
    assertThat(row.get("members")).hasSize(1);
    assertThat(row.at("/members/0").asText()).isEqualTo(cluster.address());
    assertThat(row.get("size").asLong()).isEqualTo(2);
    assertThat(row.has("error")).isFalse();
  }

  @Test
  void thePanelShowsTheNearCachesHitsAndMisses() throws Exception {
    Cache shared = caches.get("shared");
    shared.set("k", "v");
    for (int i = 0; i < 3; i++) {
      shared.get("k");
    }
    NearCacheStats near =
        shared.unwrap(HazelcastMap.class).map().getLocalMapStats().getNearCacheStats();

    JsonNode row = panel().get(0);

    assertThat(near.getHits()).as("reads answered by the near cache").isPositive();
    assertThat(row.at("/nearCache/hits").asLong()).isEqualTo(near.getHits());
    assertThat(row.at("/nearCache/misses").asLong()).isEqualTo(near.getMisses());
    assertThat(row.at("/nearCache/entries").asLong()).isEqualTo(1);
  }

  @Test
  void aClusterThatIsGoneShowsAsThePanelsErrorAndTheRestOfTheDashboardGoesOn() throws Exception {
    caches.get("shared").set("k", "v");
    cluster.close();

    HttpResponse<String> panel = get("/_larder/hazelcast.json");

    assertThat(panel.statusCode()).isEqualTo(200);
    JsonNode row = new ObjectMapper().readTree(panel.body()).at("/caches/0");
    assertThat(row.get("alias").asText()).isEqualTo("shared");
    assertThat(row.get("error").asText()).isNotBlank();
    assertThat(get("/_larder/stats.json").statusCode()).isEqualTo(200);
  }
}
