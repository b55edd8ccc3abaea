package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.testsupport.DjangoPython;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo started as {@code scripts/demo --config larder.yml} starts it, on a shared cache that a
 * real Django app (3.2 and 4.2) uses too, both configured with the same Django {@code BACKEND} and
 * {@code LOCATION} and the pickle serializer: every page works, {@code /counter} continues a
 * session Django started (Django's {@code cache} session engine) and Django reads the count the
 * demo wrote. Each backend's class gives the backend and a running server.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
abstract class DemoOnDjangosCacheIT {
  /** The Django each check runs under. */
  @Parameter DjangoPython django;

  /** Django's settings: argv[1] is the cache's BACKEND, argv[2] its LOCATION. */
  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(
          CACHES={'default': {'BACKEND': sys.argv[1], 'LOCATION': sys.argv[2]}},
          SESSION_ENGINE='django.contrib.sessions.backends.cache',
          INSTALLED_APPS=['django.contrib.sessions'])
      import django
      django.setup()
      from django.contrib.sessions.backends.cache import SessionStore
      """;

  private static final Pattern COUNT = Pattern.compile("id=\"count\">(\\d+)<");

  /** The pages {@code scripts/demo} prints at start-up, the dashboard's data among them. */
  private static final List<String> PAGES =
      List.of(
          "/",
          "/slow",
          "/slow/uncached",
          "/vary",
          "/never",
          "/fragments",
          "/counter",
          "/layered",
          "/_larder/",
          "/_larder/stats.json",
          "/_larder/entries.json");

  @TempDir static Path dir;

  /** One demo for every test of a class: it is started as a user starts it, a second or two. */
  private static DemoProcess demo;

  /** Django's dotted path of the backend, which the demo's larder.yml names too. */
  abstract String djangoBackend();

  /** The server's address, in Django's {@code LOCATION} spelling. */
  abstract String location();

  @BeforeEach
  void startTheDemoOnce() throws IOException {
    if (demo == null) {
      Path config = dir.resolve("larder.yml");
      Files.writeString(
          config,
          """
          caches:
            default:
              backend: %s
              location: %s
              options: { serializer: pickle }
          """
              .formatted(djangoBackend(), location()));
      demo = DemoProcess.start(config);
    }
  }

  @AfterAll
  static void stopTheDemo() {
    if (demo != null) {
      demo.close();
      demo = null;
    }
  }

  private String django(String script, String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = djangoBackend();
    argv[1] = location();
    System.arraycopy(args, 0, argv, 2, args.length);
    return django.run(DJANGO + script, argv).strip();
  }

  private static String count(HttpResponse<String> page) {
    Matcher m = COUNT.matcher(page.body());
    assertThat(m.find()).as("the counter page shows a count: %s", page.body()).isTrue();
    return m.group(1);
  }

  @Test
  void theDemoSaysWhichBackendItRunsOn() {
    assertThat(demo.printed())
        .contains("  cache 'default': " + djangoBackend() + " at " + location());
  }

  @Test
  void everyPageAnswersOnTheBackend() {
    for (String page : PAGES) {
      assertThat(demo.get(page).statusCode()).as(page).isEqualTo(200);
    }
  }

  @Test
  void theSlowPageComesBackFromTheCacheAndTheDashboardCountsIt() throws IOException {
    demo.get("/slow");
    HttpResponse<String> cached = demo.get("/slow");

    assertThat(cached.headers().firstValue("Age")).isPresent();
    JsonNode row = new ObjectMapper().readTree(demo.get("/_larder/stats.json").body()).at("/caches/0");
    assertThat(row.get("backend").asText()).isEqualTo(djangoBackend());
    assertThat(row.get("hits").asLong()).isPositive();
    assertThat(row.get("errors").asLong()).isZero();
  }

  @Test
  void theCounterContinuesASessionDjangoStartedAndDjangoReadsTheNewCount() {
    String key = django("s = SessionStore()\ns['visits'] = 5\ns.save()\nprint(s.session_key)\n");

    HttpResponse<String> page = demo.get("/counter", "Cookie", "sessionid=" + key);

    assertThat(count(page)).isEqualTo("6");
    assertThat(django("print(SessionStore(session_key=sys.argv[3])['visits'])", key))
        .isEqualTo("6");
  }

  @Test
  void djangoReadsAndChangesTheCountOfASessionTheDemoStarted() {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    demo.get(browser, "/counter");
    demo.get(browser, "/counter");
    String key = sessionKey(cookies);

    String seen =
        django(
            "s = SessionStore(session_key=sys.argv[3])\n"
                + "print(s['visits'])\n"
                + "s['visits'] += 10\n"
                + "s.save()\n",
            key);

    assertThat(seen).isEqualTo("2");
    assertThat(count(demo.get(browser, "/counter"))).isEqualTo("13");
  }

  private String sessionKey(CookieManager cookies) {
    return cookies.getCookieStore().get(URI.create(demo.base())).stream()
        .filter(c -> c.getName().equals("sessionid"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the demo set no sessionid cookie"));
  }
}
