package io.larder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.FragmentKeys;
import io.larder.testsupport.ChildProcess;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample as a user runs it: the packaged jar that {@code scripts/spring-sample} starts, in a JVM
 * of its own with its own application.yml, against a real Redis at {@code REDIS_URL}; then what
 * docs/spring.md says it shows, through HTTP: {@code @Cacheable} hits and misses, {@code
 * @CacheEvict}, the cached Thymeleaf sidebar under Django's fragment key, the session counter,
 * and Actuator's caches, health and metrics.
 */
class SampleApplicationIT {
  private static final Path JAR = Path.of("target", "larder-spring-boot-sample.jar");
  private static final Pattern TITLE = Pattern.compile("<h1>(.*?)</h1>");
  private static final Pattern COUNT =
      Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");
  private static final Pattern VIEWS = Pattern.compile("viewed books <b>(\\d+)</b>");

  private static final RedisServer redis = RedisServers.standalone();
  private static ChildProcess application;
  private static String base;

  @BeforeAll
  static void startTheSample() throws Exception {
    assertThat(JAR).as("the sample's jar, made by mvn package").exists();
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "--server.port=" + port);
    builder.environment().put("REDIS_URL", redis.url());
    application = ChildProcess.start("the sample (java -jar " + JAR + ")", builder);
    application.closeInput();
    application.awaitReady(
        "answer /actuator/health", Duration.ofSeconds(120), () -> answers("/actuator/health"));
  }

  @AfterAll
  static void stopTheSample() {
    if (application != null) {
      try {
        application.stop(Duration.ofSeconds(30));
      } finally {
        application.close();
      }
    }
  }

  @Test
  void aBookIsLookedUpOnceThenServedFromTheCacheUntilItIsForgotten() throws Exception {
    HttpClient browser = browser();
    String first = title(get(browser, "/books/11"));
    String second = title(get(browser, "/books/11"));
    assertThat(first).startsWith("Book 11 (looked up");
    assertThat(second).as("the second visit, a @Cacheable hit").isEqualTo(first);

    HttpResponse<String> forgotten = post(browser, "/books/11/forget");
    assertThat(forgotten.statusCode()).isEqualTo(302);
    String third = title(get(browser, "/books/11"));
    assertThat(third).as("after @CacheEvict, looked up again").startsWith("Book 11").isNotEqualTo(first);
  }

  @Test
  void theSessionCountsABrowsersViews() throws Exception {
    HttpClient browser = browser();
    assertThat(views(get(browser, "/books/12"))).isEqualTo(1);
    assertThat(views(get(browser, "/books/12"))).isEqualTo(2);
    assertThat(views(get(browser(), "/books/12"))).as("another browser's session").isEqualTo(1);
  }

  /** The sidebar is stored in Redis under Django's fragment key, readable by any Larder or Django. */
  @Test
  void theSidebarIsCachedUnderDjangosFragmentKey() throws Exception {
    get(browser(), "/books/13");
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("redis")
                        .location(redis.url())
                        .keyPrefix("sample")
                        .option("serializer", "pickle"))
            .build()) {
      Cache cache = caches.getDefault();
      assertThat(cache.<String>get(FragmentKeys.make("sidebar", 13)))
          .contains("Sidebar of book <span>13</span>");
    }
  }

  @Test
  void actuatorListsTheLarderCacheAndReportsHealth() throws Exception {
    String caches = get(browser(), "/actuator/caches").body();
    assertThat(caches).contains("\"default\"").contains("io.larder");
    String health = get(browser(), "/actuator/health").body();
    assertThat(health).contains("\"status\":\"UP\"").contains("\"larder\"");
  }

  @Test
  void actuatorMetricsCountHitsAndTimeTheStoreCalls() throws Exception {
    HttpClient browser = browser();
    get(browser, "/books/14");
    get(browser, "/books/14");
    String hits = get(browser, "/actuator/metrics/cache.gets?tag=cache:default&tag=result:hit").body();
    assertThat(hits).contains("\"name\":\"cache.gets\"").doesNotContain("\"value\":0.0");
    String gets =
        get(browser, "/actuator/metrics/cache.operations?tag=cache:default&tag=operation:get").body();
    assertThat(gets).contains("\"name\":\"cache.operations\"");
    assertThat(Double.parseDouble(group(COUNT, gets))).as("timed gets").isPositive();
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
    return response;
  }

  private static HttpResponse<String> post(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String title(HttpResponse<String> page) {
    return group(TITLE, page.body());
  }

  private static int views(HttpResponse<String> page) {
    return Integer.parseInt(group(VIEWS, page.body()));
  }

  private static String group(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    assertThat(matcher.find()).as("%s in the page:%n%s", pattern, body).isTrue();
    return matcher.group(1);
  }

  private static boolean answers(String path) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + path))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
