package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code larder.web.page-cache.cache-timeout: 600} in an application's YAML is 600 seconds, as
 * Django's {@code CACHE_MIDDLEWARE_SECONDS = 600}: a real Boot application on an embedded Tomcat
 * stores the page and answers the second request from the cache, over real HTTP.
 */
@SpringBootTest(
    classes = Shop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "spring.config.import=classpath:page-cache-600.yml"})
class PageCacheTimeoutBootTest {
  @LocalServerPort int port;
  @Autowired Shop.Pages pages;
  @Autowired LarderProperties properties;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBareCacheTimeoutIsSecondsAndThePageIsStoredAndServed() throws Exception {
    HttpResponse<String> first = get("/page");
    HttpResponse<String> second = get("/page");

    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(pages.pageViews()).isEqualTo(1);
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(properties.getWeb().getPageCache().getCacheTimeout().toSeconds()).isEqualTo(600);
  }
}
