package io.larder.web.session;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A real HTTP client that keeps cookies as a browser does. */
final class Browser {
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client =
      HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  private final SessionServer server;

  Browser(SessionServer server) {
    this.server = server;
  }

  HttpResponse<String> get(String path) {
    return get(path, new String[0]);
  }

  /** A GET with headers of the caller's ({@code name, value, ...}), e.g. a hand-made Cookie. */
  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request = builder.build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String body(String path) {
    return get(path).body();
  }

  /** The value of the cookie {@code name} the browser holds, or null. */
  String cookie(String name) {
    List<HttpCookie> held = cookies.getCookieStore().get(server.uri("/"));
    return held.stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Replaces the cookie {@code name} with {@code value}, as a forger would. */
  void setCookie(String name, String value) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(server.uri("/"), cookie);
  }
}
