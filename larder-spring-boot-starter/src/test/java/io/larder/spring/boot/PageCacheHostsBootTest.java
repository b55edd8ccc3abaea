package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.spi.Md5;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page cache's allowed hosts, per-path variant cap and languages set through {@code
 * larder.web.page-cache.*}, in a real Spring Boot application on an embedded Tomcat, over real HTTP
 * with hostile {@code Host} headers (written on a plain socket, as an attacker writes them).
 */
@SpringBootTest(
    classes = Shop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=locmem",
      "larder.caches.default.location=boot-hosts",
      "larder.web.page-cache.enabled=true",
      "larder.web.page-cache.url-patterns=/page",
      "larder.web.page-cache.allowed-hosts=www.example.com,.example.org",
      "larder.web.page-cache.reject-disallowed-hosts=true",
      "larder.web.page-cache.max-variants-per-path=1",
      "larder.web.page-cache.languages=en,fr"
    })
class PageCacheHostsBootTest {
  @LocalServerPort int port;
  @Autowired Shop.Pages pages;
  @Autowired Caches caches;

  /** The status line of a GET of {@code path} for {@code host}, with {@code headers}. */
  private String get(String path, String host, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host);
      for (String header : headers) {
        request.append("\r\n").append(header);
      }
      out.write(
          request.append("\r\nConnection: close\r\n\r\n").toString()
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, response.indexOf("\r\n"));
    }
  }

  @Test
  void aRequestForAHostNotAllowedIsAnswered400AndNeverReachesTheView() throws Exception {
    int before = pages.pageViews();
    assertThat(get("/page", "evil.example")).isEqualTo("HTTP/1.1 400 ");
    assertThat(pages.pageViews()).isEqualTo(before);
  }

  @Test
  void pagesAreKeyedOnTheSitesLanguages() throws Exception {
    get("/page", "www.example.com", "Accept-Language: de, fr");
    assertThat(
            caches
                .getDefault()
                .hasKey(
                    "views.decorators.cache.cache_header.."
                        + Md5.hex("http://www.example.com/page".getBytes(StandardCharsets.US_ASCII))
                        + ".fr"))
        .isTrue();
  }

  @Test
  void variantsOfThePathBeyondTheCapAreRenderedEachTime() throws Exception {
    int before = pages.pageViews();
    assertThat(get("/page?q=1", "shop.example.org")).startsWith("HTTP/1.1 200");
    get("/page?q=2", "shop.example.org");
    get("/page?q=1", "shop.example.org");
    get("/page?q=2", "shop.example.org");
    assertThat(pages.pageViews()).isEqualTo(before + 3);
  }
}
