package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app and a servlet app sharing sessions through Django's default engine, {@code db}:
 * Django's {@code django_session} table, which Django migrated, signed with the same {@code
 * SECRET_KEY}. Each reads and changes the sessions the other made; tampered, foreign and expired
 * rows are a fresh session; a rotated key still verifies through the fallbacks. Subclasses say
 * which database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
abstract class DjangoDatabaseSessionInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String SECRET = "django-insecure-shared-secret-for-the-interop-test";
  private static final String OLD_SECRET = "django-insecure-the-key-before-the-rotation";

  /**
   * Django on the database of argv[1] (Django's DATABASES['default'] as JSON) with argv[2] as
   * SECRET_KEY; the table is migrated as Django's manage.py migrate does.
   */
  private static final String DJANGO =
      """
      import sys, json
      from django.conf import settings
      settings.configure(
          SECRET_KEY=sys.argv[2], USE_TZ=True,
          DATABASES={'default': json.loads(sys.argv[1])},
          INSTALLED_APPS=['django.contrib.sessions'])
      import django
      django.setup()
      from django.core.management import call_command
      call_command('migrate', 'sessions', verbosity=0)
      from django.contrib.sessions.backends.db import SessionStore as DbStore
      from django.db import connection
      """;

  private Caches caches;
  private SessionServer server;
  private SessionFilter filter;
  private Browser browser;

  /** Django's {@code DATABASES['default']}, as JSON. */
  protected abstract String djangoDatabase();

  /** The JDBC URL of the same database. */
  protected abstract String url();

  @BeforeEach
  void migrate() {
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

  /** The servlet app with the db engine, SECRET as its key and {@code fallbacks}. */
  private void start(List<String> fallbacks) throws Exception {
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
                        "options", Map.of("url", url()))))
            .build();
    filter =
        new SessionFilter(
            caches,
            SessionSettings.from(
                Map.of(
                    "SESSION_ENGINE", "django.contrib.sessions.backends.db",
                    "database_alias", "django_db",
                    "SECRET_KEY", SECRET,
                    "SECRET_KEY_FALLBACKS", fallbacks)));
    server = new SessionServer(filter, new SessionApp(key -> false));
    browser = new Browser(server);
  }

  private String django(String secret, String script, String... args) {
    String[] argv = new String[args.length + 2];
    argv[0] = djangoDatabase();
    argv[1] = secret;
    System.arraycopy(args, 0, argv, 2, args.length);
    return python.run(DJANGO + script, argv).strip();
  }

  @Test
  void djangoReadsAndChangesADatabaseSessionTheServletAppMade() throws Exception {
    start(List.of());
    browser.get("/counter");

    String seen =
        django(
            SECRET,
            "s = DbStore(session_key=sys.argv[3])\n"
                + "print(s['count'], s.get_expiry_age())\n"
                + "s['count'] += 10\n"
                + "s.save()\n",
            browser.cookie("sessionid"));

    assertThat(seen).isEqualTo("1 1209600");
    assertThat(browser.body("/peek")).isEqualTo("11");
  }

  @Test
  void theServletAppReadsAndChangesADatabaseSessionDjangoMade() throws Exception {
    start(List.of());
    String key =
        django(SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("5");
    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[3])['count'])", key))
        .isEqualTo("6");
  }

  @Test
  void aDatabaseSessionTheServletAppInvalidatedIsGoneForDjango() throws Exception {
    start(List.of());
    browser.get("/counter");
    String key = browser.cookie("sessionid");

    browser.get("/logout");

    assertThat(django(SECRET, "print(DbStore().exists(sys.argv[3]))", key)).isEqualTo("False");
  }

  @Test
  void aTamperedRowIsAFreshSessionCountedAsTampered() throws Exception {
    start(List.of());
    String key =
        django(SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    django(
        SECRET,
        """
        with connection.cursor() as c:
            c.execute("UPDATE django_session SET session_data = 'x' || session_data"
                      " WHERE session_key = %s", [sys.argv[3]])
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
    start(List.of());
    String key =
        django("not-the-shared-key", "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("none");
    assertThat(filter.tamperedSessions()).isEqualTo(1);
  }

  @Test
  void anExpiredRowIsAFreshSessionCountedAsExpired() throws Exception {
    start(List.of());
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
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[3]).load())", key))
        .isEqualTo("{}");
  }

  @Test
  void aRotatedKeyStillVerifiesDatabaseSessionsThroughTheFallbacks() throws Exception {
    start(List.of(OLD_SECRET));
    String key =
        django(OLD_SECRET, "s = DbStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/counter")).isEqualTo("6");
    // Saved again, it is signed with the new key, which a Django app with only that key reads.
    assertThat(django(SECRET, "print(DbStore(session_key=sys.argv[3])['count'])", key))
        .isEqualTo("6");
  }
}
