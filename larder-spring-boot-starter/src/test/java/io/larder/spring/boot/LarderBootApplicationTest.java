package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.FragmentKeys;
import io.larder.testsupport.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Spring Boot application on an embedded Tomcat, with a real Redis (started
 * by the test) as the {@code default} cache and local memory as {@code books}: {@code @Cacheable},
 * the page cache and session filters, a cached Thymeleaf fragment and Actuator, over real HTTP.
 */
@SpringBootTest(
    classes = Shop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=redis",
      "larder.caches.default.key_prefix=boot",
      "larder.caches.books.backend=locmem",
      "larder.caches.books.location=boot-books",
      "larder.web.page-cache.enabled=true",
      "larder.web.page-cache.url-patterns=/page",
      "larder.web.sessions.enabled=true",
      "larder.web.sessions.url-patterns=/visits",
      "larder.health.timeout=1s",
      "management.endpoints.web.exposure.include=health,caches,metrics",
      "management.endpoint.health.show-details=always"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LarderBootApplicationTest {
  private static final RedisServer redis = RedisServer.start();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("larder.caches.default.location", () -> redis.url(0));
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @LocalServerPort int port;
  @Autowired Shop.Catalogue catalogue;
  @Autowired Shop.Pages pages;
  @Autowired Caches caches;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cacheableComputesOnceAndCacheEvictEvicts() {
    assertThat(catalogue.title(1)).isEqualTo(catalogue.title(1));
    int calls = catalogue.calls();

    catalogue.forget(1);
    catalogue.title(1);

    assertThat(catalogue.calls()).isEqualTo(calls + 1);
  }

  @Test
  void cacheableStoresUnderTheKeyDjangoMakesOnRedis() {
    catalogue.greeting("ann");

    assertThat(redis.command("EXISTS", "boot:1:greeting:ann")).isEqualTo("1");
    assertThat((String) caches.getDefault().get("greeting:ann")).isEqualTo("Hello ann");
  }

  @Test
  void syncCacheableComputesOnceUnderSixteenConcurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return catalogue.report("monthly");
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("monthly #1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(catalogue.slowCalls()).isEqualTo(1);
  }

  @Test
  void thePageCacheServesTheSecondRequestFromRedis() throws Exception {
    HttpResponse<String> first = get("/page");
    HttpResponse<String> second = get("/page");

    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(pages.pageViews()).isEqualTo(1);
  }

  @Test
  void theSessionFilterKeepsASessionInRedisAcrossRequests() throws Exception {
    HttpResponse<String> first = get("/visits");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> second = get("/visits", "Cookie", cookie);

    assertThat(first.body()).isEqualTo("visit 1");
    assertThat(cookie).startsWith("sessionid=");
    assertThat(second.body()).isEqualTo("visit 2");
    assertThat(redis.command("DBSIZE")).isNotEqualTo("0");
  }

  @Test
  void aThymeleafFragmentIsRenderedOnceAndStoredUnderDjangosFragmentKey() throws Exception {
    String first = get("/sidebar?user=ann").body();
    String second = get("/sidebar?user=ann").body();

    assertThat(first).contains("sidebar for <b>ann</b>, render <i>");
    assertThat(second).isEqualTo(first);
    assertThat(caches.getDefault().hasKey(FragmentKeys.make("sidebar", "ann"))).isTrue();
  }

  @Test
  void actuatorCachesListsAndClearsLarderCaches() throws Exception {
    catalogue.title(5);
    int calls = catalogue.calls();

    String listed = get("/actuator/caches").body();
    HttpResponse<String> cleared = delete("/actuator/caches/books");
    catalogue.title(5);

    assertThat(listed).contains("\"books\"").contains("\"default\"").contains("io.larder");
    assertThat(cleared.statusCode()).isEqualTo(204);
    assertThat(catalogue.calls()).isEqualTo(calls + 1);
  }

  @Test
  void actuatorMetricsShowLardersCacheGets() throws Exception {
    catalogue.title(9);
    catalogue.title(9);

    String hits = get("/actuator/metrics/cache.gets?tag=cache:books&tag=result:hit").body();
    String puts = get("/actuator/metrics/cache.puts?tag=cache:books&tag=backend:locmem").body();

    assertThat(hits).contains("\"name\":\"cache.gets\"").doesNotContain("\"value\":0.0");
    assertThat(puts).contains("\"name\":\"cache.puts\"").doesNotContain("\"value\":0.0");
  }

  @Test
  void actuatorHealthIsUpWhileRedisAnswers() throws Exception {
    HttpResponse<String> health = get("/actuator/health/larder");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"default\"");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void actuatorHealthIsDownNamingTheCacheAndServerWhenRedisStops() throws Exception {
    redis.kill();

    HttpResponse<String> health = get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .contains("\"status\":\"DOWN\"")
        .contains("\"cache\":\"default\"")
        .contains("127.0.0.1:" + redis.port());
  }
}
