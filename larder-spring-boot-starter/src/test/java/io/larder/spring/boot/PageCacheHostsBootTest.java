package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The page cache's allowed hosts and per-path variant cap set through {@code
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
      "larder.web.page-cache.max-variants-per-path=1"
    })
class PageCacheHostsBootTest {
  @LocalServerPort int port;
  @Autowired Shop.Pages pages;

  /** The status line and body of a GET of {@code path} for {@code host}. */
  private String get(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
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
  void variantsOfThePathBeyondTheCapAreRenderedEachTime() throws Exception {
    int before = pages.pageViews();
    assertThat(get("/page?q=1", "shop.example.org")).startsWith("HTTP/1.1 200");
    get("/page?q=2", "shop.example.org");
    get("/page?q=1", "shop.example.org");
    get("/page?q=2", "shop.example.org");
    assertThat(pages.pageViews()).isEqualTo(before + 3);
  }
}
