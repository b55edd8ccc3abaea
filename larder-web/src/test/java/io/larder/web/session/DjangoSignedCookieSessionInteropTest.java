package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app and a servlet app sharing sessions through Django's {@code signed_cookies} engine,
 * signed with the same {@code SECRET_KEY}: each reads and changes the sessions the other made;
 * tampered and expired cookies are a fresh session; a rotated key still verifies through the
 * fallbacks.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoSignedCookieSessionInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String SECRET = "django-insecure-shared-secret-for-the-interop-test";
  private static final String OLD_SECRET = "django-insecure-the-key-before-the-rotation";

  /**
   * Django with argv[1] as SECRET_KEY; {@code now} in argv[2], when not empty, is what time.time()
   * returns.
   */
  private static final String DJANGO =
      """
      import sys, time
      if sys.argv[2]:
          time.time = lambda: float(sys.argv[2])
      from django.conf import settings
      settings.configure(SECRET_KEY=sys.argv[1], INSTALLED_APPS=['django.contrib.sessions'])
      import django
      django.setup()
      from django.contrib.sessions.backends.signed_cookies import SessionStore as CookieStore
      """;

  private Caches caches;
  private SessionServer server;
  private SessionFilter filter;
  private Browser browser;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (caches != null) {
      caches.close();
    }
  }

  /** The servlet app with SECRET as its key and {@code fallbacks}. */
  private void start(List<String> fallbacks) throws Exception {
    caches = Caches.builder().environment(Map.of()).build();
    filter =
        new SessionFilter(
            caches,
            SessionSettings.from(
                Map.of(
                    "SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies",
                    "SECRET_KEY", SECRET,
                    "SECRET_KEY_FALLBACKS", fallbacks)));
    server = new SessionServer(filter, new SessionApp(key -> false));
    browser = new Browser(server);
  }

  private String django(String secret, String script, String... args) {
    return djangoAt(secret, "", script, args);
  }

  private String djangoAt(String secret, String now, String script, String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = secret;
    argv[1] = now;
    System.arraycopy(args, 0, argv, 2, args.length);
    return python.run(DJANGO + script, argv).strip();
  }

  @Test
  void djangoReadsAndChangesACookieSessionTheServletAppMade() throws Exception {
    start(List.of());
    browser.get("/counter");
    browser.get("/counter");

    String changed =
        django(
            SECRET,
            "s = CookieStore(session_key=sys.argv[3])\n"
                + "s['count'] += 10\n"
                + "s.save()\n"
                + "print(s.session_key)\n",
            browser.cookie("sessionid"));
    browser.setCookie("sessionid", changed);

    assertThat(browser.body("/peek")).isEqualTo("12");
  }

  @Test
  void theServletAppReadsAndChangesACookieSessionDjangoMade() throws Exception {
    start(List.of());
    String cookie =
        django(SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/peek")).isEqualTo("5");
    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(browser.cookie("sessionid")).isNotEqualTo(cookie);
    assertThat(
            django(
                SECRET,
                "print(CookieStore(session_key=sys.argv[3])['count'])",
                browser.cookie("sessionid")))
        .isEqualTo("6");
  }

  @Test
  void aTamperedCookieIsAFreshSessionCountedAsTampered() throws Exception {
    start(List.of());
    String cookie =
        django(SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    // The same data with a count of 9 and the old signature.
    String forged =
        django(
            SECRET,
            "from django.core import signing\n"
                + "data, ts, sig = sys.argv[3].rsplit(':', 2)\n"
                + "print(signing.b64_encode(b'{\"count\":9}').decode() + ':' + ts + ':' + sig)\n",
            cookie);
    browser.setCookie("sessionid", forged);

    HttpResponse<String> peek = browser.get("/peek");
    assertThat(peek.body()).isEqualTo("none");
    assertThat(peek.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("sessionid=;"));
    assertThat(filter.tamperedSessions()).isEqualTo(1);
  }

  @Test
  void aCookieOlderThanTheSessionAgeIsAFreshSessionCountedAsExpired() throws Exception {
    start(List.of());
    long threeWeeksAgo = System.currentTimeMillis() / 1000 - 21 * 24 * 3600;
    String cookie =
        djangoAt(
            SECRET,
            Long.toString(threeWeeksAgo),
            "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.expiredSessions()).isEqualTo(1);
    assertThat(django(SECRET, "print(CookieStore(session_key=sys.argv[3]).load())", cookie))
        .isEqualTo("{}");
  }

  @Test
  void aRotatedKeyStillVerifiesCookieSessionsThroughTheFallbacks() throws Exception {
    start(List.of(OLD_SECRET));
    String cookie =
        django(OLD_SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(
            django(
                SECRET,
                "print(CookieStore(session_key=sys.argv[3])['count'])",
                browser.cookie("sessionid")))
        .isEqualTo("6");
  }
}
