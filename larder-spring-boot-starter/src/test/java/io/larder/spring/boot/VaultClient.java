package io.larder.spring.boot;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client of a {@link Vault} on 127.0.0.1: anonymous requests, and a member's login. */
final class VaultClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  VaultClient(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = request(path);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs the member in through Spring Security's form login; the session cookie it set. */
  String logIn() throws Exception {
    String form =
        "username="
            + URLEncoder.encode(Vault.USER, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(Vault.PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** The absolute URL of {@code path} on the vault, as its redirects name it. */
  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20));
  }
}
