package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's writes take a POST from its own forms (a cross-site page can neither link nor post
 * them), and it answers only requests for its own address (no DNS rebinding), over real HTTP.
 */
class DemoWritesTest {
  private static final Pattern VALUE = Pattern.compile("id=\"value\">([^<]*)<");
  private static final Pattern COUNT = Pattern.compile("id=\"count\">(\\d+)<");
  private static final Pattern SIDEBAR = Pattern.compile("id=\"sidebar-rendered\">([^<]+)<");

  private Caches caches;
  private DemoServer server;
  private final HttpClient client =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
            .build();
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
    caches.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertThat(m.find()).as("the page shows %s", pattern).isTrue();
    return m.group(1);
  }

  private String layeredValue() throws Exception {
    return find(VALUE, get("/layered").body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/layered/set", "/layered/update"})
  void aGetDoesNotWriteTheLayeredCache(String path) throws Exception {
    HttpResponse<String> response = get(path);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(layeredValue()).isEqualTo("(absent)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/layered/set", "/layered/update"})
  void aPostWithoutThePagesTokenDoesNotWrite(String path) throws Exception {
    assertThat(DemoForms.post(client, uri(path)).statusCode()).isEqualTo(403);
    assertThat(DemoForms.post(client, uri(path), WriteForms.FIELD, "0".repeat(48)).statusCode())
        .isEqualTo(403);

    assertThat(layeredValue()).isEqualTo("(absent)");
  }

  @Test
  void thePagesFormWritesAndSendsTheBrowserBack() throws Exception {
    String token = DemoForms.token(get("/layered").body());

    HttpResponse<String> response =
        DemoForms.post(client, uri("/layered/update"), WriteForms.FIELD, token);

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/layered");
    assertThat(layeredValue()).startsWith("written by the other process");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/counter/reset", "/counter/rotate"})
  void aGetDoesNotEndOrRotateTheSession(String path) throws Exception {
    get("/counter");

    assertThat(get(path).statusCode()).isEqualTo(405);
    assertThat(DemoForms.post(client, uri(path)).statusCode()).isEqualTo(403);

    assertThat(find(COUNT, get("/counter").body())).isEqualTo("2");
  }

  @Test
  void theCountersFormEndsTheSession() throws Exception {
    String token = DemoForms.token(get("/counter").body());

    assertThat(DemoForms.post(client, uri("/counter/reset"), WriteForms.FIELD, token).statusCode())
        .isEqualTo(303);

    assertThat(find(COUNT, get("/counter").body())).isEqualTo("1");
  }

  @Test
  void aGetDoesNotInvalidateTheSidebar() throws Exception {
    String sidebar = find(SIDEBAR, get("/fragments?lang=fr").body());

    assertThat(get("/fragments?lang=fr&invalidate=1").statusCode()).isEqualTo(405);
    assertThat(
            DemoForms.post(client, uri("/fragments"), "lang", "fr", "invalidate", "1")
                .statusCode())
        .isEqualTo(403);

    assertThat(find(SIDEBAR, get("/fragments?lang=fr").body())).isEqualTo(sidebar);
  }

  @Test
  void theFragmentsFormInvalidatesTheSidebar() throws Exception {
    String page = get("/fragments?lang=fr").body();
    String sidebar = find(SIDEBAR, page);

    HttpResponse<String> response =
        DemoForms.post(
            client,
            uri("/fragments"),
            WriteForms.FIELD,
            DemoForms.token(page),
            "lang",
            "fr",
            "invalidate",
            "1");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/fragments?lang=fr");
    assertThat(find(SIDEBAR, get("/fragments?lang=fr").body())).isNotEqualTo(sidebar);
  }

  /** A request written by hand: {@code java.net.http} does not let a caller choose the Host. */
  private String rawGet(String path, String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/_larder/", "/_larder/stats.json", "/layered", "/counter"})
  void aRequestForAnotherHostIsRefused(String path) throws Exception {
    String response = rawGet(path, "rebound.example:" + server.port());

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).doesNotContain(WriteForms.FIELD + "\" value=");
  }

  @Test
  void aRequestForAnotherPortIsRefused() throws Exception {
    assertThat(rawGet("/_larder/stats.json", "127.0.0.1:" + (server.port() + 1)))
        .startsWith("HTTP/1.1 400 ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST"})
  void theDemosOwnAddressIsAnswered(String name) throws Exception {
    assertThat(rawGet("/_larder/stats.json", name + ":" + server.port()))
        .startsWith("HTTP/1.1 200 ");
  }
}
