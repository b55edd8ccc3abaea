package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Spring Security's form login in front of the starter's session filter, over real HTTP: its
 * session fixation protection ({@code changeSessionId}) gives the Larder session a new key at the
 * login, the session keeps its data and the security context, and the key from before the login
 * opens nothing.
 */
@SpringBootTest(
    classes = SecuredShop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=locmem",
      "larder.caches.default.location=secured-shop",
      "larder.web.sessions.enabled=true"
    })
class SpringSecurityLoginRotationTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Caches caches;

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getWithSession(String path, String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path)).header("Cookie", "sessionid=" + key).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private String sessionKey() {
    return cookies.getCookieStore().get(uri("/")).stream()
        .filter(c -> c.getName().equals("sessionid"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> logIn(String user, String password) throws Exception {
    Matcher csrf = CSRF.matcher(get("/login").body());
    assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
    String form =
        "username="
            + user
            + "&password="
            + password
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLoginGivesTheLarderSessionANewKeyThatKeepsItsDataAndTheLogin() throws Exception {
    assertThat(get("/cart").body()).isEqualTo("1");
    String before = sessionKey();

    HttpResponse<String> login = logIn("alice", "alice-secret");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    String after = sessionKey();
    assertThat(after).matches("[a-z0-9]{32}").isNotEqualTo(before);
    assertThat(get("/account").body()).isEqualTo("hello alice");
    assertThat(get("/cart").body()).isEqualTo("2");
    assertThat(caches.getDefault().hasKey("django.contrib.sessions.cache" + before)).isFalse();
  }

  @Test
  void theKeyFromBeforeTheLoginOpensNothingAfterIt() throws Exception {
    get("/cart");
    String planted = sessionKey();
    logIn("alice", "alice-secret");

    HttpResponse<String> account = getWithSession("/account", planted);

    assertThat(account.statusCode()).isEqualTo(302);
    assertThat(account.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(getWithSession("/cart", planted).body()).isEqualTo("1");
  }

  @Test
  void aFailedLoginKeepsTheKey() throws Exception {
    get("/cart");
    String before = sessionKey();

    HttpResponse<String> login = logIn("alice", "wrong");

    assertThat(login.headers().firstValue("Location").orElseThrow()).contains("error");
    assertThat(sessionKey()).isEqualTo(before);
    assertThat(get("/cart").body()).isEqualTo("2");
  }
}
