package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.Caches;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's pages, served by the real demo server on a free port. */
class DemoPagesTest {
  private static final Pattern RENDERED = Pattern.compile("id=\"rendered\">([^<]+)<");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private Caches caches;
  private DemoServer server;

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default", Map.of("backend", "locmem", "location", "demo-pages-test"),
                    "files", Map.of("backend", "filebased", "location", dir.toString())))
            .build();
    caches.getDefault().clear();
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
    caches.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Presses the {@code /layered} page's button that posts to {@code path}. */
  private void write(String path) throws Exception {
    String token = DemoForms.token(get("/layered").body());
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    assertThat(DemoForms.post(client, uri, WriteForms.FIELD, token).statusCode()).isEqualTo(303);
  }

  private static String rendered(HttpResponse<String> response) {
    Matcher m = RENDERED.matcher(response.body());
    assertThat(m.find()).as("the page shows when it was rendered").isTrue();
    return m.group(1);
  }

  private JsonNode stats() throws Exception {
    return new ObjectMapper().readTree(get("/_larder/stats.json").body());
  }

  /** The dashboard's row for {@code alias}. */
  private JsonNode row(String alias) throws Exception {
    for (JsonNode row : stats().get("caches")) {
      if (row.get("alias").asText().equals(alias)) {
        return row;
      }
    }
    throw new AssertionError("no row for cache " + alias);
  }

  @Test
  void theSecondRequestOfTheSlowPageIsTheCachedCopy() throws Exception {
    HttpResponse<String> first = get("/slow");
    HttpResponse<String> second = get("/slow");
    assertThat(first.headers().firstValue("Age")).isEmpty();
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(rendered(second)).isEqualTo(rendered(first));
    assertThat(second.headers().firstValue("Cache-Control")).hasValue("max-age=60");
  }

  @Test
  void theUncachedSlowPageIsRenderedEveryTime() throws Exception {
    get("/slow/uncached");
    HttpResponse<String> second = get("/slow/uncached");
    assertThat(second.headers().firstValue("Age")).isEmpty();
    assertThat(second.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(row("default").get("sets").asLong()).isZero();
  }

  @Test
  void theDashboardCountsTheSlowPagesHits() throws Exception {
    long before = row("default").get("hits").asLong();
    get("/slow");
    get("/slow");
    JsonNode after = row("default");
    // A hit reads the URL's header list and then the page: two cache hits.
    assertThat(after.get("hits").asLong()).isEqualTo(before + 2);
    assertThat(after.get("alias").asText()).isEqualTo("default");
    assertThat(after.get("backend").asText()).isEqualTo("locmem");
  }

  @Test
  void theVaryPageKeepsOneCopyPerLanguage() throws Exception {
    HttpResponse<String> en = get("/vary", "Accept-Language", "en");
    HttpResponse<String> fr = get("/vary", "Accept-Language", "fr");
    HttpResponse<String> enAgain = get("/vary", "Accept-Language", "en");
    assertThat(en.headers().firstValue("Vary")).hasValue("Accept-Language");
    assertThat(en.body()).contains(">en<");
    assertThat(fr.body()).contains(">fr<");
    assertThat(enAgain.body()).isEqualTo(en.body());
    assertThat(enAgain.headers().firstValue("Age")).isPresent();
    assertThat(fr.headers().firstValue("Age")).isEmpty();
  }

  @Test
  void theNeverPageIsNeverServedFromTheCache() throws Exception {
    get("/never");
    HttpResponse<String> second = get("/never");
    assertThat(second.headers().firstValue("Cache-Control"))
        .hasValue("max-age=0, no-cache, no-store, must-revalidate, private");
    assertThat(second.headers().firstValue("Age")).isEmpty();
    assertThat(row("default").get("sets").asLong()).isZero();
  }

  @Test
  void statsListEveryConfiguredCacheWithItsBackendAndLocation() throws Exception {
    assertThat(stats().get("caches")).hasSize(2);
    JsonNode files = row("files");
    assertThat(files.get("backend").asText()).isEqualTo("filebased");
    assertThat(files.get("location").asText()).isEqualTo(dir.toString());
    JsonNode memory = row("default");
    assertThat(memory.get("backend").asText()).isEqualTo("locmem");
    assertThat(memory.get("location").asText()).isEqualTo("demo-pages-test");
    assertThat(memory.has("opsPerSecond")).isTrue();
    assertThat(memory.has("errors")).isTrue();
    assertThat(memory.has("hitRatio")).isTrue();
  }

  @Test
  void statsCarryAHitRatioHistoryEndingNow() throws Exception {
    get("/slow");
    get("/slow");
    JsonNode report = stats();
    JsonNode history = report.get("history");
    JsonNode last = history.get(history.size() - 1);
    assertThat(last.get("t").asLong()).isEqualTo(report.get("now").asLong());
    assertThat(last.at("/hitRatio/default").asDouble()).isBetween(0.0, 1.0).isPositive();
  }

  @Test
  void theDashboardIsOnePageWithNoExternalAssets() throws Exception {
    HttpResponse<String> page = get("/_larder/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<svg id=\"chart\"").contains("stats.json");
    assertThat(page.body()).doesNotContain("<script src").doesNotContain("<link");
    assertThat(page.body().replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void theHomePageLinksEveryDemoPage() throws Exception {
    assertThat(get("/").body())
        .contains("href=\"/slow\"")
        .contains("href=\"/vary\"")
        .contains("href=\"/never\"")
        .contains("href=\"/_larder/\"");
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void theCommandTakesAPortAndAConfigFile() {
    Demo demo = new Demo();
    new CommandLine(demo).parseArgs("--port", "9001", "--config", "larder.yml");
    assertThat(demo.port).isEqualTo(9001);
    assertThat(demo.config).isEqualTo(Path.of("larder.yml"));
  }

  @Test
  void theCommandDefaultsToPort8000AndTheEmbeddedCache() {
    Demo demo = new Demo();
    new CommandLine(demo).parseArgs();
    assertThat(demo.port).isEqualTo(8000);
    assertThat(demo.config).isNull();
  }

  // ------------------------------------------------------------ /layered

  private static String element(HttpResponse<String> page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\">(.*?)</").matcher(page.body());
    assertThat(m.find()).as("the page has #%s", id).isTrue();
    return m.group(1);
  }

  @Test
  void theLayeredPageShowsTheFilesTierAnsweringThenTheRefilledMemoryTier() throws Exception {
    write("/layered/update");
    HttpResponse<String> first = get("/layered");
    assertThat(element(first, "value")).startsWith("written by the other process");
    assertThat(element(first, "tier")).contains("files");
    HttpResponse<String> second = get("/layered");
    assertThat(element(second, "tier")).contains("memory");
    assertThat(element(second, "local-ttl")).endsWith(" s left");
  }

  @Test
  void anUpdateFromAnotherProcessIsNotSeenWhileTheLocalCopyLives() throws Exception {
    write("/layered/set");
    write("/layered/update");
    HttpResponse<String> page = get("/layered");
    assertThat(element(page, "value")).startsWith("written by this process");
    assertThat(element(page, "tier")).contains("memory");
  }

  @Test
  void theDashboardShowsAChainsTiersAsRowsOfTheirOwn() throws Exception {
    try (Caches layered =
            Caches.builder()
                .environment(Map.of())
                .config(
                    Map.of(
                        "default",
                        Map.of("backend", "chain", "caches", java.util.List.of("memory", "files")),
                        "memory",
                        Map.of("backend", "locmem", "location", "demo-chain-test"),
                        "files",
                        Map.of("backend", "filebased", "location", dir.resolve("chain").toString())))
                .build();
        DemoServer chainDemo =
            DemoServer.start(layered, 0, InstantSource.system(), Duration.ofHours(1))) {
      layered.getDefault().clear();
      layered.get("files").set("k", "v");
      layered.getDefault().get("k");
      layered.getDefault().get("k");
      HttpResponse<String> stats =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + chainDemo.port() + "/_larder/stats.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode rows = new ObjectMapper().readTree(stats.body()).get("caches");
      Map<String, JsonNode> byAlias = new java.util.HashMap<>();
      rows.forEach(row -> byAlias.put(row.get("alias").asText(), row));
      assertThat(byAlias.get("default › memory").get("hits").asLong()).isEqualTo(1);
      assertThat(byAlias.get("default › memory").get("misses").asLong()).isEqualTo(1);
      assertThat(byAlias.get("default › files").get("hits").asLong()).isEqualTo(1);
      assertThat(byAlias.get("default › files").get("backend").asText()).isEqualTo("tier 2 of default");
    }
  }

  @Test
  void overRedisTheLayeredPageSeesAnUpdateFromAnotherProcessAtOnce() throws Exception {
    String redis = io.larder.testsupport.RedisServers.standalone().url(7);
    try (DemoServer redisDemo =
        DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1), redis)) {
      String base = "http://127.0.0.1:" + redisDemo.port();
      java.util.function.Function<String, HttpResponse<String>> fetch =
          path -> {
            try {
              return client.send(
                  HttpRequest.newBuilder(URI.create(base + path)).build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          };
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!fetch.apply("/layered").body().contains("tier with the new value.")) {
        assertThat(System.nanoTime()).as("invalidations live within 10 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      java.util.function.Consumer<String> write =
          path -> {
            try {
              String token = DemoForms.token(fetch.apply("/layered").body());
              assertThat(
                      DemoForms.post(client, URI.create(base + path), WriteForms.FIELD, token)
                          .statusCode())
                  .isEqualTo(303);
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          };
      assertThat(element(fetch.apply("/layered"), "coherence")).contains("coherence: tracking");
      write.accept("/layered/set");
      // Redis tells this chain of its own write too, which may drop the copy just made: a read
      // refills it, and from then on the local tier answers.
      HttpResponse<String> afterSet = fetch.apply("/layered");
      while (!element(afterSet, "tier").contains("memory")) {
        assertThat(System.nanoTime()).as("the local tier answers within 10 s").isLessThan(deadline);
        afterSet = fetch.apply("/layered");
      }
      assertThat(element(afterSet, "tier")).contains("memory");
      write.accept("/layered/update");
      // The invalidation is usually handled before the other process's set returns; at most a
      // message's delivery later, the local copy is gone and Redis answers with the new value.
      HttpResponse<String> page = fetch.apply("/layered");
      while (!element(page, "value").startsWith("written by the other process")) {
        assertThat(System.nanoTime()).as("the update seen within 10 s").isLessThan(deadline);
        page = fetch.apply("/layered");
      }
      assertThat(element(page, "tier")).contains("redis");
    }
  }
}
