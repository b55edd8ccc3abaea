package io.larder.jcache.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.jcache.LarderJCacheManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;

/**
 * {@code spring.cache.type=jcache} with Larder's provider in a real Boot 4 application on a real
 * embedded server: Boot's {@link JCacheCacheManager} over Larder's JCache caches, {@code
 * @Cacheable} hits through them, and Boot's JCache metrics count the hits and misses.
 */
@SpringBootTest(
    classes = JCacheBootApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringCacheTypeJCacheTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired CacheManager cacheManager;
  @Autowired JCacheBootApplication.Prices prices;
  @LocalServerPort int port;

  @BeforeEach
  void emptyTheCache() {
    cacheManager.getCache("prices").clear();
  }

  @Test
  void bootsCacheManagerIsJCacheOverLardersProvider() {
    assertThat(cacheManager).isInstanceOf(JCacheCacheManager.class);
    javax.cache.CacheManager jcache = ((JCacheCacheManager) cacheManager).getCacheManager();
    assertThat(jcache).isInstanceOf(LarderJCacheManager.class);
    assertThat(jcache.getCacheNames()).contains("prices");
  }

  @Test
  void cacheableComputesOnceAndTheValueIsInTheLarderCache() throws Exception {
    String first = get("/prices/7");
    assertThat(get("/prices/7")).isEqualTo(first);

    io.larder.Cache larder =
        ((JCacheCacheManager) cacheManager)
            .getCacheManager()
            .getCache("prices")
            .unwrap(io.larder.Cache.class);
    assertThat(larder.<String>get("7")).isEqualTo(first);
  }

  @Test
  void aNullResultIsCachedAndReadBackWithoutTuningTheAllowList() {
    assertThat(prices.discontinued("old-7")).isNull();
    int computed = prices.computations();

    assertThat(prices.discontinued("old-7")).isNull();

    assertThat(prices.computations()).isEqualTo(computed);
  }

  @Test
  void cacheEvictRemovesTheEntry() throws Exception {
    String first = get("/prices/8");
    http.send(
        HttpRequest.newBuilder(uri("/prices/8")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(get("/prices/8")).isNotEqualTo(first);
  }

  @Test
  void actuatorsCacheGetsCountsTheHitsAndMissesOfTheJCache() throws Exception {
    double hitsBefore = measurement("hit");
    double missesBefore = measurement("miss");

    get("/prices/9");
    get("/prices/9");
    get("/prices/9");

    assertThat(measurement("hit")).isEqualTo(hitsBefore + 2);
    assertThat(measurement("miss")).isEqualTo(missesBefore + 1);
  }

  /** The value of {@code cache.gets} for the prices cache and {@code result}, from Actuator. */
  private double measurement(String result) throws Exception {
    String body = get("/actuator/metrics/cache.gets?tag=cache:prices&tag=result:" + result);
    // {"name":"cache.gets",...,"measurements":[{"statistic":"COUNT","value":2.0}],...}
    String value = body.replaceAll("(?s).*\"statistic\":\"COUNT\",\"value\":([0-9.E]+).*", "$1");
    assertThat(value).as(body).matches("[0-9.E]+");
    return Double.parseDouble(value);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
