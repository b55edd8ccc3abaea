package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Page keys computed by real Django ({@code django.utils.cache.learn_cache_key}, Debian's
 * python3-django) and by Larder for the same request: the same strings. Only pages that vary on
 * nothing are compared with Django's keys, because Debian's Django hashes vary values its own way
 * (§8.8 of the spec); the learned header list is compared for a varying page.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoPageKeysTest extends SiteTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String DJANGO =
      String.join(
          "\n",
          "import sys",
          "from django.conf import settings",
          "settings.configure(USE_I18N=False, USE_TZ=False, ALLOWED_HOSTS=['*'],",
          "    CACHES={'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}})",
          "import django",
          "django.setup()",
          "from django.core.cache import cache",
          "from django.http import HttpResponse",
          "from django.test import RequestFactory",
          "from django.utils.cache import learn_cache_key, _generate_cache_header_key",
          "host, path, prefix, vary = sys.argv[1:5]",
          "request = RequestFactory().get(path, HTTP_HOST=host)",
          "response = HttpResponse('x')",
          "if vary:",
          "    response['Vary'] = vary",
          "print(learn_cache_key(request, response, 600, prefix, cache=cache))",
          "header_key = _generate_cache_header_key(prefix, request)",
          "print(header_key)",
          "print(','.join(cache.get(header_key)))");

  /** Larder's page key, header key and header list for the same request, from a real Jetty. */
  private String larder(String host, String path, String prefix, String vary) throws Exception {
    site =
        TestSite.start(
            (context, s) ->
                context.addServlet(
                    new org.eclipse.jetty.ee10.servlet.ServletHolder(s.pagesServlet()), "/*"));
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    site.page(
        bare,
        (request, response) -> {
          if (!vary.isEmpty()) {
            response.setHeader("Vary", vary);
          }
          String key =
              PageKeys.learnCacheKey(request, response, Timeout.seconds(600), prefix, site.cache);
          String headerKey = PageKeys.headerKey(prefix, PageKeys.urlHash(request), "");
          response.getWriter().println(key);
          response.getWriter().println(headerKey);
          response
              .getWriter()
              .println(String.join(",", site.cache.<java.util.List<String>>get(headerKey)));
        });
    return site.get(path, "Host", host).body();
  }

  private String django(String host, String path, String prefix, String vary) {
    return python.run(DJANGO, host, path, prefix, vary);
  }

  @Test
  void aPageThatVariesOnNothingHasDjangosKeys() throws Exception {
    assertThat(larder("testserver", "/cache/test/", "", ""))
        .isEqualTo(django("testserver", "/cache/test/", "", ""));
  }

  @Test
  void theHostPortQueryAndPrefixGiveDjangosKeys() throws Exception {
    assertThat(larder("shop.example:8080", "/p/q?page=2&sort=name", "shop", ""))
        .isEqualTo(django("shop.example:8080", "/p/q?page=2&sort=name", "shop", ""));
  }

  @Test
  void theHeaderListLearnedForAVaryingPageIsDjangos() throws Exception {
    String[] ours = larder("testserver", "/v/", "", "Cookie, accept-encoding, X-Theme").split("\n");
    String[] theirs =
        django("testserver", "/v/", "", "Cookie, accept-encoding, X-Theme").split("\n");
    assertThat(ours[1]).isEqualTo(theirs[1]);
    assertThat(ours[2])
        .isEqualTo(theirs[2])
        .isEqualTo("HTTP_ACCEPT_ENCODING,HTTP_COOKIE,HTTP_X_THEME");
  }
}
