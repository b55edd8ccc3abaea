package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A login gives the session a new key, as Django's {@code login()} cycles it, so a key planted
 * before the login (session fixation) opens nothing after it: automatically when the principal
 * changes through {@code HttpServletRequest.login}/{@code logout} (a real Jetty with a login
 * service), and through {@link SessionLogin}, the documented call, over real HTTP.
 */
class LoginRotationTest {
  private static final String KEY = "[a-z0-9]{32}";

  private Caches caches;
  private SessionServer server;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
            .build();
    server =
        new SessionServer(
            List.of(new SessionFilter(caches)),
            new SessionApp(key -> false),
            Map.of("alice", "alice-secret", "bob", "bob-secret"));
    browser = new Browser(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    caches.close();
  }

  private String sessionCookie() {
    return browser.cookie("sessionid");
  }

  private boolean stored(String key) {
    Cache cache = caches.getDefault();
    return cache.hasKey(SessionEngine.CACHE.keyPrefix() + key);
  }

  @Test
  void aContainerLoginGivesTheSessionANewKeyAndKeepsItsData() {
    browser.get("/counter");
    String before = sessionCookie();

    HttpResponse<String> login = browser.get("/container-login?user=alice&password=alice-secret");

    assertThat(login.body()).isEqualTo("alice");
    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(before);
    assertThat(stored(before)).isFalse();
    assertThat(browser.body("/counter")).isEqualTo("2");
  }

  @Test
  void aKeyPlantedBeforeTheLoginOpensNothingAfterIt() {
    browser.get("/counter");
    String planted = sessionCookie();
    browser.get("/container-login?user=alice&password=alice-secret");

    browser.setCookie("sessionid", planted);

    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void aFailedLoginKeepsTheKey() {
    browser.get("/counter");
    String before = sessionCookie();

    assertThat(browser.body("/container-login?user=alice&password=wrong")).isEqualTo("refused");

    assertThat(sessionCookie()).isEqualTo(before);
    assertThat(browser.body("/counter")).isEqualTo("2");
  }

  @Test
  void aContainerLogoutGivesTheSessionANewKey() {
    browser.get("/counter");
    String before = sessionCookie();
    String basic =
        Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8));

    assertThat(browser.get("/container-logout", "Authorization", "Basic " + basic).body())
        .isEqualTo("alice out");

    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(before);
    assertThat(stored(before)).isFalse();
  }

  @Test
  void aLoginWithoutASessionCreatesNone() {
    assertThat(browser.body("/container-login?user=alice&password=alice-secret"))
        .isEqualTo("alice");

    assertThat(sessionCookie()).isNull();
  }

  @Test
  void sessionLoginCyclesTheKeyAndKeepsTheData() {
    browser.get("/counter");
    String before = sessionCookie();

    HttpResponse<String> login = browser.get("/login-as?user=42");

    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(before).isEqualTo(login.body());
    assertThat(stored(before)).isFalse();
    assertThat(browser.body("/user")).isEqualTo("42");
    assertThat(browser.body("/counter")).isEqualTo("2");
  }

  @Test
  void sessionLoginWithoutASessionStartsOne() {
    HttpResponse<String> login = browser.get("/login-as?user=42");

    assertThat(sessionCookie()).matches(KEY).isEqualTo(login.body());
    assertThat(browser.body("/user")).isEqualTo("42");
  }

  @Test
  void sessionLoginAsAnotherUserStartsAnEmptySession() {
    browser.get("/login-as?user=42");
    browser.get("/counter");
    String before = sessionCookie();

    browser.get("/login-as?user=7");

    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(before);
    assertThat(stored(before)).isFalse();
    assertThat(browser.body("/user")).isEqualTo("7");
    assertThat(browser.body("/peek")).isEqualTo("null");
  }

  @Test
  void sessionLoginAsTheSameUserKeepsTheData() {
    browser.get("/login-as?user=42");
    browser.get("/counter");
    String before = sessionCookie();

    browser.get("/login-as?user=42");

    assertThat(sessionCookie()).isNotEqualTo(before);
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void sessionLogoutEndsTheSessionEverywhere() {
    browser.get("/login-as?user=42");
    String key = sessionCookie();

    browser.get("/logout-all");

    assertThat(stored(key)).isFalse();
    assertThat(browser.body("/user")).isEqualTo("none");
  }
}
