package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /counter}, {@code /fragments} and their entries on the dashboard, over real HTTP. */
class DemoSessionsAndFragmentsTest {
  private static final Pattern COUNT = Pattern.compile("id=\"count\">(\\d+)<");
  private static final Pattern SIDEBAR = Pattern.compile("id=\"sidebar-rendered\">([^<]+)<");

  @TempDir Path dir;
  private Caches caches;
  private DemoServer server;

  private void start(Map<String, Object> config) throws Exception {
    caches = Caches.builder().environment(Map.of()).config(config).build();
    CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1));
  }

  private void startOnLocMem() throws Exception {
    start(Map.of("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString())));
  }

  @AfterEach
  void stop() {
    server.close();
    caches.close();
  }

  private HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private String get(HttpClient client, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(20))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Presses the button on {@code page} that posts {@code fields} to {@code path}, following it. */
  private String press(HttpClient client, String page, String path, String... fields)
      throws Exception {
    String[] form = new String[fields.length + 2];
    form[0] = WriteForms.FIELD;
    form[1] = DemoForms.token(get(client, page));
    System.arraycopy(fields, 0, form, 2, fields.length);
    return DemoForms.post(
            client, URI.create("http://127.0.0.1:" + server.port() + path), form)
        .body();
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertThat(m.find()).as("the page shows %s", pattern).isTrue();
    return m.group(1);
  }

  private JsonNode entries() throws Exception {
    return new ObjectMapper().readTree(get(HttpClient.newHttpClient(), "/_larder/entries.json"));
  }

  @Test
  void theCounterCountsVisitsPerSession() throws Exception {
    startOnLocMem();
    HttpClient alice = browser();

    assertThat(find(COUNT, get(alice, "/counter"))).isEqualTo("1");
    assertThat(find(COUNT, get(alice, "/counter"))).isEqualTo("2");
    assertThat(find(COUNT, get(browser(), "/counter"))).isEqualTo("1");
  }

  @Test
  void rotatingTheKeyKeepsTheCountAndResettingEndsTheSession() throws Exception {
    startOnLocMem();
    HttpClient alice = browser();
    get(alice, "/counter");

    assertThat(find(COUNT, press(alice, "/counter", "/counter/rotate"))).isEqualTo("3");
    assertThat(find(COUNT, press(alice, "/counter", "/counter/reset"))).isEqualTo("1");
  }

  @Test
  void theDashboardListsTheCountersSessions() throws Exception {
    startOnLocMem();
    HttpClient alice = browser();
    get(alice, "/counter");
    get(alice, "/counter");

    JsonNode sessions = entries().get("sessions");
    assertThat(sessions.get("engine").asText()).isEqualTo("cache");
    assertThat(sessions.at("/recent/0/visits").asInt()).isEqualTo(2);
    assertThat(sessions.at("/recent/0/live").asBoolean()).isTrue();
    assertThat(sessions.at("/recent/0/session").asText()).matches("[a-z0-9]{6}…");
  }

  @Test
  void thePageWithoutALanguageShowsTheFirstLanguagesSidebar() throws Exception {
    startOnLocMem();
    HttpClient client = browser();
    String en = find(SIDEBAR, get(client, "/fragments?lang=en"));

    assertThat(find(SIDEBAR, get(client, "/fragments"))).isEqualTo(en);
  }

  @Test
  void theSidebarComesFromTheCacheOnePerLanguage() throws Exception {
    startOnLocMem();
    HttpClient client = browser();
    String en = find(SIDEBAR, get(client, "/fragments?lang=en"));

    assertThat(find(SIDEBAR, get(client, "/fragments?lang=en"))).isEqualTo(en);
    assertThat(find(SIDEBAR, get(client, "/fragments?lang=fr"))).isNotEqualTo(en);
    assertThat(
            find(
                SIDEBAR,
                press(client, "/fragments?lang=en", "/fragments", "lang", "en", "invalidate", "1")))
        .isNotEqualTo(en);
  }

  @Test
  void theDashboardListsTheSidebarFragments() throws Exception {
    startOnLocMem();
    get(browser(), "/fragments?lang=fr");

    JsonNode fragments = entries().get("fragments");
    assertThat(fragments.get("cache").asText()).isEqualTo("default");
    assertThat(fragments.get("failures").asLong()).isZero();
    assertThat(fragments.at("/entries/0/varyOn/0").asText()).isEqualTo("en");
    assertThat(fragments.at("/entries/0/cached").asBoolean()).isFalse();
    assertThat(fragments.at("/entries/1/cached").asBoolean()).isTrue();
    assertThat(fragments.at("/entries/1/key").asText()).startsWith("template.cache.sidebar.");
  }

  @Test
  void withASessionsDbAliasTheCounterWritesThroughToTheDatabase() throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    config.put(
        "sessions_db",
        Map.of(
            "backend", "db",
            "location", "demo_sessions",
            "options",
                Map.of(
                    "url",
                    "jdbc:sqlite:" + dir.resolve("demo.sqlite3"),
                    "max_entries",
                    10_000_000)));
    start(config);
    HttpClient alice = browser();
    get(alice, "/counter");

    caches.getDefault().clear();

    assertThat(find(COUNT, get(alice, "/counter"))).isEqualTo("2");
    assertThat(entries().at("/sessions/engine").asText()).isEqualTo("cached_db");
  }
}
