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
 * A Django app (Debian's 3.2 and 4.2, {@code backends.cache}) and a servlet app sharing sessions through
 * one file cache with the pickle serializer: each reads and changes the sessions the other made.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoSessionInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(
          CACHES={'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',
                              'LOCATION': sys.argv[1]}},
          SESSION_ENGINE='django.contrib.sessions.backends.cache',
          INSTALLED_APPS=['django.contrib.sessions'])
      import django
      django.setup()
      from django.contrib.sessions.backends.cache import SessionStore
      """;

  @TempDir Path dir;
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
                    Map.of(
                        "backend", "filebased",
                        "location", dir.toString(),
                        "options", Map.of("serializer", "pickle"))))
            .build();
    server = new SessionServer(new SessionFilter(caches), new SessionApp(key -> false));
    browser = new Browser(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    caches.close();
  }

  private String django(String script, String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = dir.toString();
    System.arraycopy(args, 0, argv, 1, args.length);
    return python.run(DJANGO + script, argv).strip();
  }

  @Test
  void djangoReadsAndChangesASessionTheServletAppMade() {
    browser.get("/counter");

    String seen =
        django(
            "s = SessionStore(session_key=sys.argv[2])\n"
                + "print(s['count'], s.get_expiry_age())\n"
                + "s['count'] += 10\n"
                + "s.save()\n",
            browser.cookie("sessionid"));

    assertThat(seen).isEqualTo("1 1209600");
    assertThat(browser.body("/peek")).isEqualTo("11");
  }

  @Test
  void theServletAppReadsAndChangesASessionDjangoMade() {
    String key = django("s = SessionStore()\ns['count'] = 5\ns.save()\nprint(s.session_key)\n");
    browser.setCookie("sessionid", key);

    assertThat(browser.body("/peek")).isEqualTo("5");
    assertThat(browser.body("/counter")).isEqualTo("6");
    assertThat(django("print(SessionStore(session_key=sys.argv[2])['count'])", key)).isEqualTo("6");
  }

  @Test
  void aSessionTheServletAppEndsWithTheBrowserIsOneForDjangoAndStillExpires() {
    browser.get("/counter");
    browser.get("/expiry?seconds=0");

    String seen =
        django(
            "import pickle\n"
                + "from django.core.cache import cache\n"
                + "s = SessionStore(session_key=sys.argv[2])\n"
                + "with open(cache._key_to_file(s.cache_key), 'rb') as f:\n"
                + "    expires = pickle.load(f)\n"
                + "print(s['count'], s.get_expire_at_browser_close(), s.get_expiry_age(),"
                + " expires is not None)\n",
            browser.cookie("sessionid"));

    assertThat(seen).isEqualTo("1 True 1209600 True");
  }

  @Test
  void aSessionDjangoEndsWithTheBrowserKeepsABrowserSessionCookie() {
    String key =
        django(
            "s = SessionStore()\ns['count'] = 5\ns.set_expiry(0)\ns.save()\n"
                + "print(s.session_key)\n");
    browser.setCookie("sessionid", key);

    HttpResponse<String> response = browser.get("/counter");

    assertThat(response.body()).isEqualTo("6");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
        .isEqualTo("sessionid=" + key + "; HttpOnly; Path=/; SameSite=Lax");
    assertThat(
            django(
                "s = SessionStore(session_key=sys.argv[2])\n"
                    + "print(s['count'], s.get_expire_at_browser_close())\n",
                key))
        .isEqualTo("6 True");
  }

  @Test
  void ofTwoSessionCookiesBothTakeTheLastAsDjangosParseCookieDoes() {
    Browser first = new Browser(server);
    first.get("/counter");
    Browser second = new Browser(server);
    second.get("/counter");
    second.get("/counter");
    String firstKey = first.cookie("sessionid");
    String secondKey = second.cookie("sessionid");

    for (String header :
        List.of(
            "sessionid=" + firstKey + "; sessionid=" + secondKey,
            "sessionid=" + secondKey + "; other=1; sessionid=" + firstKey)) {
      String djangosKey =
          python
              .run(
                  "import sys\nfrom django.http.cookie import parse_cookie\n"
                      + "print(parse_cookie(sys.argv[1])['sessionid'])\n",
                  header)
              .strip();
      String served = new Browser(server).get("/peek", "Cookie", header).body();

      assertThat(served).as(header).isEqualTo(djangosKey.equals(firstKey) ? "1" : "2");
      assertThat(djangosKey).as(header).isEqualTo(header.substring(header.lastIndexOf('=') + 1));
    }
  }

  @Test
  void aSessionTheServletAppInvalidatedIsGoneForDjango() {
    browser.get("/counter");
    String key = browser.cookie("sessionid");

    browser.get("/logout");

    assertThat(django("print(SessionStore().exists(sys.argv[2]))", key)).isEqualTo("False");
  }
}
