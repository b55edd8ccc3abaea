package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions end to end, in a real Jetty with a real HTTP client: the behaviour every engine and
 * store share. Subclasses say which caches and engine.
 */
abstract class SessionContractTest {
  static final String KEY = "[a-z0-9]{32}";

  final MutableClock clock = new MutableClock();
  Caches caches;
  SessionFilter filter;
  SessionServer server;
  Browser browser;

  /** The tables {@code larder createcachetable} made for this test's caches. */
  List<String> createdTables;

  /** The caches configuration ({@code CACHES}) of this store. */
  abstract Map<String, Object> cachesConfig();

  /** The engine and aliases of this store. */
  abstract SessionSettings.Builder settings();

  /** The caches a session is written to: the cache, and for cached_db the database too. */
  abstract List<Cache> stores();

  @BeforeEach
  void start() throws Exception {
    caches = Caches.builder().environment(Map.of()).config(cachesConfig()).clock(clock).build();
    createdTables =
        CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
    serve(UnaryOperator.identity());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    caches.close();
  }

  /** Restarts the server with changed settings; the caches (and their sessions) stay. */
  void serve(UnaryOperator<SessionSettings.Builder> change) throws Exception {
    if (server != null) {
      server.close();
    }
    SessionSettings settings = change.apply(settings()).build();
    filter = new SessionFilter(caches, settings);
    server =
        new SessionServer(
            filter, new SessionApp(key -> stores().get(stores().size() - 1).hasKey(storeKey(key))));
    browser = new Browser(server);
  }

  String storeKey(String sessionKey) {
    return settings().build().engine().keyPrefix() + sessionKey;
  }

  String sessionCookie() {
    return browser.cookie("sessionid");
  }

  long writes() {
    return stores().stream().mapToLong(c -> c.stats().sets()).sum();
  }

  static String setCookie(HttpResponse<String> response) {
    return response.headers().firstValue("Set-Cookie").orElse(null);
  }

  @Test
  void aRequestThatCreatesASessionSetsItsCookie() {
    HttpResponse<String> response = browser.get("/counter");

    assertThat(response.body()).isEqualTo("1");
    assertThat(setCookie(response))
        .matches(
            "sessionid="
                + KEY
                + "; expires=.* GMT; HttpOnly; Max-Age=1209600; Path=/;"
                + " SameSite=Lax");
    assertThat(sessionCookie()).matches(KEY);
  }

  @Test
  void theSessionKeepsItsAttributesAcrossRequests() {
    browser.get("/counter");
    browser.get("/counter");

    assertThat(browser.body("/counter")).isEqualTo("3");
  }

  @Test
  void theSessionIsStoredUnderDjangosPrefixAndKey() {
    browser.get("/counter");

    for (Cache store : stores()) {
      assertThat(store.hasKey(storeKey(sessionCookie()))).as(store.settings().alias()).isTrue();
    }
  }

  @Test
  void existsTellsWhetherASessionIsLive() {
    browser.get("/counter");
    String key = sessionCookie();

    assertThat(filter.exists(key)).isTrue();
    assertThat(filter.exists("c".repeat(32))).isFalse();
    assertThat(filter.exists("not a key")).isFalse();
    browser.get("/logout");
    assertThat(filter.exists(key)).isFalse();
  }

  @Test
  void aRequestThatDoesNotUseTheSessionGetsNoCookieAndNoVary() {
    browser.get("/counter");
    HttpResponse<String> response = browser.get("/plain");

    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(response.headers().firstValue("Vary")).isEmpty();
  }

  @Test
  void aResponseThatLookedAtTheSessionVariesOnCookie() {
    assertThat(browser.get("/peek").headers().allValues("Vary")).containsExactly("Cookie");
    assertThat(browser.get("/counter").headers().allValues("Vary")).containsExactly("Cookie");
  }

  @Test
  void aRequestAttributeTellsInnerFiltersThatTheSessionWasUsed() {
    assertThat(browser.body("/accessed")).isEqualTo("null true");
  }

  @Test
  void theRequestedSessionIdIsValidOnlyForALiveSession() {
    browser.get("/counter");
    String key = sessionCookie();

    HttpResponse<String> valid = browser.get("/valid");
    browser.setCookie("sessionid", "d".repeat(32));

    assertThat(valid.body()).isEqualTo(key + " true");
    assertThat(valid.headers().allValues("Vary")).containsExactly("Cookie");
    assertThat(browser.body("/valid")).isEqualTo("d".repeat(32) + " false");
  }

  @Test
  void anUnchangedSessionIsNotWrittenAgain() {
    browser.get("/counter");
    long writes = writes();

    HttpResponse<String> response = browser.get("/peek");

    assertThat(response.body()).isEqualTo("1");
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(writes()).isEqualTo(writes);
  }

  @Test
  void saveEveryRequestWritesTheSessionAndExtendsItsCookieEachTime() throws Exception {
    serve(s -> s.saveEveryRequest(true));
    browser.get("/counter");
    String key = sessionCookie();
    long writes = writes();

    clock.advance(Duration.ofDays(10));
    HttpResponse<String> response = browser.get("/plain");
    clock.advance(Duration.ofDays(10));

    assertThat(writes()).isGreaterThan(writes);
    assertThat(setCookie(response)).startsWith("sessionid=" + key + ";");
    assertThat(response.headers().allValues("Vary")).containsExactly("Cookie");
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void changeSessionIdRotatesTheKeyAndKeepsTheData() {
    browser.get("/counter");
    String before = sessionCookie();

    HttpResponse<String> login = browser.get("/login");

    String after = sessionCookie();
    assertThat(after).matches(KEY).isNotEqualTo(before).isEqualTo(login.body());
    assertThat(browser.body("/counter")).isEqualTo("2");
    for (Cache store : stores()) {
      assertThat(store.hasKey(storeKey(before))).as(store.settings().alias()).isFalse();
    }
  }

  @Test
  void theOldKeyOfARotatedSessionOpensNothing() {
    browser.get("/counter");
    String before = sessionCookie();
    browser.get("/login");

    browser.setCookie("sessionid", before);

    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void invalidateRemovesTheSessionEverywhereAndDeletesTheCookie() {
    browser.get("/counter");
    String key = sessionCookie();

    HttpResponse<String> response = browser.get("/logout");

    assertThat(setCookie(response))
        .isEqualTo(
            "sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/;"
                + " SameSite=Lax");
    for (Cache store : stores()) {
      assertThat(store.hasKey(storeKey(key))).as(store.settings().alias()).isFalse();
    }
    browser.setCookie("sessionid", key);
    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void aSessionLivesForItsAgeAfterItWasLastSaved() {
    browser.get("/counter");

    clock.advance(Duration.ofDays(14).minusSeconds(1));

    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void anExpiredSessionIsNeverServed() {
    browser.get("/counter");
    String key = sessionCookie();

    clock.advance(Duration.ofDays(14).plusSeconds(1));

    assertThat(browser.body("/peek")).isEqualTo("none");
    browser.setCookie("sessionid", key);
    assertThat(browser.body("/counter")).isEqualTo("1");
    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(key);
  }

  @Test
  void setMaxInactiveIntervalChangesTheSessionsAge() {
    browser.get("/counter");
    HttpResponse<String> response = browser.get("/expiry?seconds=60");

    assertThat(setCookie(response)).contains("; Max-Age=60;");
    clock.advance(Duration.ofSeconds(61));
    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void aSessionThatEndsWithTheBrowserStillExpiresAfterTheCookieAge() {
    browser.get("/counter");

    HttpResponse<String> response = browser.get("/expiry?seconds=0");

    assertThat(setCookie(response)).matches("sessionid=" + KEY + "; HttpOnly; Path=/; SameSite=Lax");
    clock.advance(Duration.ofDays(14).minusSeconds(1));
    assertThat(browser.body("/peek")).isEqualTo("1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void aNegativeIntervalIsTheBrowserSessionToo() {
    browser.get("/counter");

    HttpResponse<String> response = browser.get("/expiry?seconds=-1");

    assertThat(setCookie(response)).doesNotContain("Max-Age").doesNotContain("expires");
    clock.advance(Duration.ofDays(14).plusSeconds(1));
    assertThat(browser.body("/peek")).isEqualTo("none");
  }

  @Test
  void aForgedKeyGetsAFreshEmptySessionWithANewKey() {
    String forged = "a".repeat(32);
    browser.setCookie("sessionid", forged);

    assertThat(browser.body("/counter")).isEqualTo("1");
    assertThat(sessionCookie()).matches(KEY).isNotEqualTo(forged);
    for (Cache store : stores()) {
      assertThat(store.hasKey(storeKey(forged))).as(store.settings().alias()).isFalse();
    }
  }

  @Test
  void aMalformedCookieValueIsNeverUsedAsAKey() {
    browser.setCookie("sessionid", "..%2F..%2Fetc%2Fpasswd");

    assertThat(browser.body("/counter")).isEqualTo("1");
    assertThat(sessionCookie()).matches(KEY);
  }

  @Test
  void aLookAtAnUnknownSessionDeletesItsCookie() {
    browser.setCookie("sessionid", "b".repeat(32));

    HttpResponse<String> response = browser.get("/peek");

    assertThat(response.body()).isEqualTo("none");
    assertThat(setCookie(response)).startsWith("sessionid=; expires=Thu, 01 Jan 1970");
  }

  @Test
  void theCookieIsConfigurable() throws Exception {
    serve(
        s ->
            s.cookieName("sid")
                .cookieDomain("127.0.0.1")
                .cookiePath("/")
                .cookieSecure(true)
                .cookieHttpOnly(false)
                .cookieSameSite("strict")
                .age(Duration.ofHours(1)));

    String cookie = setCookie(browser.get("/counter"));

    assertThat(cookie)
        .matches(
            "sid="
                + KEY
                + "; Domain=127.0.0.1; expires=.* GMT; Max-Age=3600; Path=/;"
                + " SameSite=Strict; Secure");
  }

  @Test
  void expireAtBrowserCloseSendsACookieWithoutAnExpiry() throws Exception {
    serve(s -> s.expireAtBrowserClose(true));

    assertThat(setCookie(browser.get("/counter")))
        .matches("sessionid=" + KEY + "; HttpOnly; Path=/; SameSite=Lax");
  }

  @Test
  void theSessionIsStoredBeforeTheResponseIsCommitted() {
    assertThat(browser.body("/flush")).isEqualTo("flushed stored=true");
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void aRequestThatFailsWithAServerErrorDoesNotSaveTheSession() {
    browser.get("/counter");

    assertThat(browser.get("/fail").statusCode()).isEqualTo(500);
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void aServerErrorPageThatLookedAtTheSessionVariesOnCookieWithoutSavingIt() {
    browser.get("/counter");

    HttpResponse<String> failed = browser.get("/fail-page");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.headers().allValues("Vary")).containsExactly("Cookie");
    assertThat(failed.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void aResetOfTheResponseKeepsTheSessionCookieAndVary() {
    HttpResponse<String> response = browser.get("/reset");

    assertThat(response.body()).isEqualTo("after reset");
    assertThat(setCookie(response)).matches("sessionid=" + KEY + ";.*");
    assertThat(response.headers().allValues("Vary")).containsExactly("Cookie");
    assertThat(browser.body("/peek")).isEqualTo("1");
  }

  @Test
  void aSessionCannotBeCreatedOnceTheResponseIsCommitted() {
    assertThat(browser.body("/late")).isEqualTo("late refused");
  }
}
