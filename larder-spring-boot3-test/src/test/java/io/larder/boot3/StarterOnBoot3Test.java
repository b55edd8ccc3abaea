package io.larder.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.spring.LarderCacheManager;
import io.larder.thymeleaf.FragmentCacheDialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.core.SpringVersion;

/**
 * The starter in a real Spring Boot 3.5 application with a real embedded server: the same
 * auto-configuration as on Boot 4 gives the Larder cache manager, {@code @Cacheable}, the page
 * cache filter and the Thymeleaf dialect. (Larder's health indicators and cache meters are built on
 * Boot 4's packages: on 3.5 they back off.)
 */
@SpringBootTest(
    classes = Boot3Application.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterOnBoot3Test {
  @Autowired CacheManager cacheManager;
  @Autowired Caches caches;
  @Autowired Boot3Application.Prices prices;
  @LocalServerPort int port;

  @Test
  void thisIsSpringBoot35OnSpringFramework62() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    assertThat(SpringVersion.getVersion()).startsWith("6.2.");
  }

  @Test
  void theCacheManagerIsLardersOverTheConfiguredLocalMemoryCache() {
    assertThat(cacheManager).isInstanceOf(LarderCacheManager.class);
    assertThat(caches.getDefault().settings().backend()).isEqualTo("locmem");
    assertThat(caches.getDefault().settings().keyPrefix()).isEqualTo("shop");
  }

  @Test
  void cacheableComputesOnceUnderDjangosKeyAndCacheEvictEvicts() {
    String first = prices.price(7);
    assertThat(prices.price(7)).isEqualTo(first);
    assertThat(caches.getDefault().<String>get("price:7")).isEqualTo(first);
    prices.forget(7);
    assertThat(prices.price(7)).isNotEqualTo(first);
  }

  @Test
  void theThymeleafDialectIsRegistered(@Autowired FragmentCacheDialect dialect) {
    assertThat(dialect).isNotNull();
  }

  @Test
  void thePageCacheFilterAnswersRealRequests() throws Exception {
    String first = get("/rendered/home");
    assertThat(get("/rendered/home")).isEqualTo(first);
  }

  private String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
