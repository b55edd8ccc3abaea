package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Timeout;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** Page keys in Django's layout, checked against the values §8.8 of the spec verified in Django. */
class PageKeysTest extends SiteTest {
  private static final String TESTSERVER_URL_MD5 = "58a0a05c8a5620f813686ff969c26853";
  private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  private static final String HEADER_KEY =
      "views.decorators.cache.cache_header.settingsprefix." + TESTSERVER_URL_MD5;

  /** Django's page key for GET or HEAD http://testserver/cache/test/ with prefix settingsprefix. */
  private static String pageKey(String method, String varyMd5) {
    return "views.decorators.cache.cache_page.settingsprefix."
        + method
        + "."
        + TESTSERVER_URL_MD5
        + "."
        + varyMd5;
  }

  private TestSite site() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              PageCache pages = PageCache.builder(s.cache).keyPrefix("settingsprefix").build();
              context.addFilter(new FilterHolder(pages.filter()), "/*", null);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    return site;
  }

  @Test
  void theHeaderListKeyIsDjangosForTheAbsoluteUrl() throws Exception {
    site().text("/cache/test/", "x");
    site.get("/cache/test/", "Host", "testserver");
    assertThat(site.cache.<List<String>>get(HEADER_KEY)).isEmpty();
  }

  @Test
  void thePageKeyWithoutVaryIsDjangosFullExample() throws Exception {
    site().text("/cache/test/", "x");
    site.get("/cache/test/", "Host", "testserver");
    assertThat(site.cache.hasKey(pageKey("GET", EMPTY_MD5))).isTrue();
  }

  @Test
  void theQueryStringChangesTheUrlHash() throws Exception {
    site().text("/cache/test/", "x");
    site.get("/cache/test/?test=1", "Host", "testserver");
    assertThat(
            site.cache.hasKey(
                "views.decorators.cache.cache_header.settingsprefix."
                    + "0f1c2d56633c943073c4569d9a9502fe"))
        .isTrue();
  }

  @Test
  void theHeaderListHoldsTheSortedMetaNamesOfTheVariedHeaders() throws Exception {
    site().text("/cache/test/", "x", "Vary", "Cookie, Accept-Encoding");
    site.get("/cache/test/", "Host", "testserver", "Accept-Encoding", "gzip");
    assertThat(site.cache.<List<String>>get(HEADER_KEY))
        .containsExactly("HTTP_ACCEPT_ENCODING", "HTTP_COOKIE");
  }

  @Test
  void varyValuesAreHashedAsNetstrings() throws Exception {
    site().text("/cache/test/", "x", "Vary", "Accept-Encoding, Cookie");
    site.get("/cache/test/", "Host", "testserver", "Accept-Encoding", "gzip");
    assertThat(site.cache.hasKey(pageKey("GET", "49b2a3d170de8789641b61e3e3a1e467"))).isTrue();
  }

  @Test
  void anAbsentVariedHeaderHashesAsAnEmptyNetstring() throws Exception {
    site().text("/cache/test/", "x", "Vary", "Pony");
    site.get("/cache/test/", "Host", "testserver");
    assertThat(site.cache.hasKey(pageKey("GET", "3b59035bd3b34e30981dc990dd93acbb"))).isTrue();
  }

  @Test
  void aHeadRequestLearnsAHeadPageKey() throws Exception {
    site().text("/cache/test/", "x");
    site.send("HEAD", "/cache/test/", "Host", "testserver");
    assertThat(site.cache.hasKey(pageKey("HEAD", EMPTY_MD5))).isTrue();
  }

  @Test
  void learnCacheKeyAndGetCacheKeyAgreeForTheSameRequest() throws Exception {
    site()
        .page(
            "/learn",
            (request, response) -> {
              response.setHeader("Vary", "Accept-Language");
              String learned =
                  PageKeys.learnCacheKey(request, response, Timeout.seconds(60), "p", site.cache);
              String got = PageKeys.getCacheKey(request, "p", "GET", site.cache);
              response.setHeader("Cache-Control", "no-store");
              response.getWriter().write(learned + "\n" + got);
            });
    String[] keys = site.get("/learn", "Accept-Language", "en").body().split("\n");
    assertThat(keys[0]).startsWith("views.decorators.cache.cache_page.p.GET.");
    assertThat(keys[1]).isEqualTo(keys[0]);
  }

  @Test
  void getCacheKeyIsNullBeforeAnythingWasLearned() throws Exception {
    site()
        .page(
            "/unknown",
            (request, response) ->
                response
                    .getWriter()
                    .write(String.valueOf(PageKeys.getCacheKey(request, "q", "GET", site.cache))));
    assertThat(site.get("/unknown").body()).isEqualTo("null");
  }

  @Test
  void headerListOrderAndCaseDoNotChangeTheKey() {
    assertThat(PageKeys.headerList("cookie, Accept-Encoding", false))
        .isEqualTo(PageKeys.headerList("ACCEPT-ENCODING,Cookie", false));
  }
}
