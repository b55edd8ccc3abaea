package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app and a servlet app sharing sessions through Django's default engines, signed with
 * the same {@code SECRET_KEY}: {@code db} (Django's {@code django_session} table, here in one
 * SQLite file that Django migrated) and {@code signed_cookies}. Each reads and changes the sessions
 * the other made; tampered and expired ones are a fresh session; a rotated key still verifies
 * through the fallbacks.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoSignedSessionInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String SECRET = "django-insecure-shared-secret-for-the-interop-test";
  private static final String OLD_SECRET = "django-insecure-the-key-before-the-rotation";

  /**
   * Django on argv[1] (the SQLite file) with argv[2] as SECRET_KEY; {@code now} in argv[3], when
   * not empty, is what time.time() returns. Both engines' stores are imported.
   */
  private static final String DJANGO =
      """
      import sys, time
      if sys.argv[3]:
          time.time = lambda: float(sys.argv[3])
      from django.conf import settings
      settings.configure(
          SECRET_KEY=sys.argv[2], USE_TZ=True,
          DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': sys.argv[1]}},
          INSTALLED_APPS=['django.contrib.sessions'])
      import django
      django.setup()
      from django.core.management import call_command
      call_command('migrate', 'sessions', verbosity=0)
      from django.contrib.sessions.backends.db import SessionStore as DbStore
      from django.contrib.sessions.backends.signed_cookies import SessionStore as CookieStore
      from django.db import connection
      """;

  @TempDir Path dir;
  private Path database;
  private Caches caches;
  private SessionServer server;
  private SessionFilter filter;
  private Browser browser;

  @BeforeEach
  void migrate() {
    database = dir.resolve("db.sqlite3");
    django(SECRET, "");
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (caches != null) {
      caches.close();
    }
  }

  /** The servlet app with {@code engine}, SECRET as its key and {@code fallbacks}. */
  private void start(String engine, List<String> fallbacks) throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of("backend", "locmem"),
                    "django_db",
                    Map.of(
                        "backend", "db",
                        "location", "larder_cache",
                        "options", Map.of("url", "jdbc:sqlite:" + database))))
            .build();
    filter =
        new SessionFilter(
            caches,
            SessionSettings.from(
                Map.of(
                    "SESSION_ENGINE", "django.contrib.sessions.backends." + engine,
                    "database_alias", "django_db",
                    "SECRET_KEY", SECRET,
                    "SECRET_KEY_FALLBACKS", fallbacks)));
    server = new SessionServer(filter, new SessionApp(key -> false));
    browser = new Browser(server);
  }

  private String django(String secret, String script, String... args) {
    return djangoAt(secret, "", script, args);
  }

  private String djangoAt(String secret, String now, String script, String... args) {
    String[] argv = new String[args.length + 3];
    argv[0] = database.toString();
    argv[1] = secret;
    argv[2] = now;
    System.arraycopy(args, 0, argv, 3, args.length);
    return python.run(DJANGO + script, argv).strip();
  }

  // ------------------------------------------------------------------ db

  @Test
  void djangoReadsAndChangesADatabaseSessionTheServletAppMade() throws Exception {
    start("db", List.of());
    browser.get("/counter");

    String seen =
        django(
            SECRET,
            "s = DbStore(session_key=sys.argv[4])\n"
                + "print(s['count'], s.get_expiry_age())\n"
                + "s['count'] += 10\n"
                + "s.save()\n",
            browser.cookie("sessionid"));

    assertThat(seen).isEqualTo("1 1209600");
    assertThat(browser.body("/peek")).isEqualTo("11");
  }

  @Test
  void theServletAppReadsAndChangesADatabaseSessionDjangoMade() throws Exception {
    start("db", List.of());
    String key =
        django(SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("5");
    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[4])['count'])", key))
        .isEqualTo("6");
  }

  @Test
  void aDatabaseSessionTheServletAppInvalidatedIsGoneForDjango() throws Exception {
    start("db", List.of());
    browser.get("/counter");
    String key = browser.cookie("sessionid");

    browser.get("/logout");

    assertThat(django(SECRET, "print(DbStore().exists(sys.argv[4]))", key)).isEqualTo("False");
  }

  @Test
  void aTamperedRowIsAFreshSessionCountedAsTampered() throws Exception {
    start("db", List.of());
    String key =
        django(SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    django(
        SECRET,
        """
        with connection.cursor() as c:
            c.execute("UPDATE django_session SET session_data = 'x' || session_data"
                      " WHERE session_key = %s", [sys.argv[4]])
        """,
        key);
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.tamperedSessions()).isEqualTo(1);
    assertThat(browser.body("/counter")).isEqualTo("1");
    assertThat(browser.cookie("sessionid")).isNotEqualTo(key);
  }

  @Test
  void aRowSignedWithAnotherKeyIsAFreshSession() throws Exception {
    start("db", List.of());
    String key =
        django("not-the-shared-key", "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.tamperedSessions()).isEqualTo(1);
  }

  @Test
  void anExpiredRowIsAFreshSessionCountedAsExpired() throws Exception {
    start("db", List.of());
    String key =
        django(
            SECRET,
            "s = DbStore()\ns['count'] = 5\ns.set_expiry(1)\ns.save()\n"
                + "DbStore.get_model_class().objects.filter(session_key=s.session_key)"
                + ".update(expire_date='2000-01-01 00:00:00')\n"
                + "print(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.expiredSessions()).isEqualTo(1);
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[4]).load())", key))
        .isEqualTo("{}");
  }

  @Test
  void aRotatedKeyStillVerifiesDatabaseSessionsThroughTheFallbacks() throws Exception {
    start("db", List.of(OLD_SECRET));
    String key =
        django(OLD_SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/counter")).isEqualTo("6");
    // Saved again, it is signed with the new key, which a Django app with only that key reads.
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[4])['count'])", key))
        .isEqualTo("6");
  }

  // ------------------------------------------------------------------ signed_cookies

  @Test
  void djangoReadsAndChangesACookieSessionTheServletAppMade() throws Exception {
    start("signed_cookies", List.of());
    browser.get("/counter");
    browser.get("/counter");

    String changed =
        django(
            SECRET,
            "s = CookieStore(session_key=sys.argv[4])\n"
                + "s['count'] += 10\n"
                + "s.save()\n"
                + "print(s.session_key)\n",
            browser.cookie("sessionid"));
    browser.setCookie("sessionid", changed);

    assertThat(browser.body("/peek")).isEqualTo("12");
  }

  @Test
  void theServletAppReadsAndChangesACookieSessionDjangoMade() throws Exception {
    start("signed_cookies", List.of());
    String cookie =
        django(SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/peek")).isEqualTo("5");
    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(browser.cookie("sessionid")).isNotEqualTo(cookie);
    assertThat(
            django(
                SECRET,
                "print(CookieStore(session_key=sys.argv[4])['count'])",
                browser.cookie("sessionid")))
        .isEqualTo("6");
  }

  @Test
  void aTamperedCookieIsAFreshSessionCountedAsTampered() throws Exception {
    start("signed_cookies", List.of());
    String cookie =
        django(SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    // The same data with a count of 9 and the old signature.
    String forged =
        django(
            SECRET,
            "from django.core import signing\n"
                + "data, ts, sig = sys.argv[4].rsplit(':', 2)\n"
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
    start("signed_cookies", List.of());
    long threeWeeksAgo = System.currentTimeMillis() / 1000 - 21 * 24 * 3600;
    String cookie =
        djangoAt(
            SECRET,
            Long.toString(threeWeeksAgo),
            "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.expiredSessions()).isEqualTo(1);
    assertThat(django(SECRET, "print(CookieStore(session_key=sys.argv[4]).load())", cookie))
        .isEqualTo("{}");
  }

  @Test
  void aRotatedKeyStillVerifiesCookieSessionsThroughTheFallbacks() throws Exception {
    start("signed_cookies", List.of(OLD_SECRET));
    String cookie =
        django(OLD_SECRET, "s = CookieStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", cookie);

    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(
            django(
                SECRET,
                "print(CookieStore(session_key=sys.argv[4])['count'])",
                browser.cookie("sessionid")))
        .isEqualTo("6");
  }
}
