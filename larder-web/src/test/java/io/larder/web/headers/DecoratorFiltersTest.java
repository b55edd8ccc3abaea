package io.larder.web.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.pagecache.PageCache;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * §10's decorators as filters: never_cache, cache_control and vary_on_headers, alone and cached.
 */
class DecoratorFiltersTest extends SiteTest {

  /** Pages at /cached/* go through the page cache, then the decorator; others only the latter. */
  private TestSite site(jakarta.servlet.Filter decorator) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(PageCache.builder(s.cache).build().filter()),
                  "/cached/*",
                  REQUEST);
              context.addFilter(new FilterHolder(decorator), "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    return site;
  }

  @Test
  void neverCacheSetsDjangosHeaders() throws Exception {
    site(new NeverCacheFilter(clockAtStart())).text("/p", "x");
    HttpResponse<String> response = site.get("/p");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("max-age=0, no-cache, no-store, must-revalidate, private");
    assertThat(response.headers().firstValue("Expires")).hasValue("Sun, 17 Jul 2016 10:00:00 GMT");
    assertThat(response.body()).isEqualTo("x");
  }

  @Test
  void neverCacheKeepsAnExpiresTheServletSet() throws Exception {
    site(new NeverCacheFilter()).text("/p", "x", "Expires", "tomorrow");
    assertThat(site.get("/p").headers().firstValue("Expires")).hasValue("tomorrow");
  }

  @Test
  void neverCacheMergesWithTheServletsCacheControl() throws Exception {
    site(new NeverCacheFilter()).text("/p", "x", "Cache-Control", "public, max-age=60");
    assertThat(site.get("/p").headers().firstValue("Cache-Control"))
        .hasValue("max-age=0, no-cache, no-store, must-revalidate, private");
  }

  @Test
  void aNeverCachePageIsNotStoredByThePageCache() throws Exception {
    site(new NeverCacheFilter()).text("/cached/p", "x");
    site.get("/cached/p");
    site.get("/cached/p");
    assertThat(site.renders("/cached/p")).isEqualTo(2);
  }

  @Test
  void neverCachePatchesHeadersBeforeALargeBodyIsStreamed() throws Exception {
    String big = "z".repeat(ResponsePatch.HELD_BYTES * 2);
    site(new NeverCacheFilter()).text("/p", big);
    HttpResponse<String> response = site.get("/p");
    assertThat(response.body()).isEqualTo(big);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void cacheControlMergesItsDirectives() throws Exception {
    site(new CacheControlFilter(CacheDirectives.none().publicCache().maxAge(3600)))
        .text("/p", "x", "Cache-Control", "private, max-age=7200");
    assertThat(site.get("/p").headers().firstValue("Cache-Control"))
        .hasValue("max-age=3600, public");
  }

  @Test
  void cacheControlReadsItsDirectivesFromAnInitParam() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              FilterHolder holder = new FilterHolder(CacheControlFilter.class);
              holder.setInitParameter("directives", "public, max-age=120");
              context.addFilter(holder, "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    assertThat(site.get("/p").headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=120");
  }

  @Test
  void aMaxAgeFromCacheControlSetsHowLongThePageCacheKeepsThePage() throws Exception {
    site(new CacheControlFilter(CacheDirectives.none().maxAge(30))).text("/cached/p", "x");
    site.get("/cached/p");
    site.clock.advanceSeconds(31);
    site.get("/cached/p");
    assertThat(site.renders("/cached/p")).isEqualTo(2);
  }

  @Test
  void varyOnHeadersAddsToVary() throws Exception {
    site(new VaryOnHeadersFilter("Accept-Language", "Cookie"))
        .text("/p", "x", "Vary", "Accept-Encoding");
    assertThat(site.get("/p").headers().firstValue("Vary"))
        .hasValue("Accept-Encoding, Accept-Language, Cookie");
  }

  @Test
  void varyOnHeadersReadsItsHeadersFromAnInitParam() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              FilterHolder holder = new FilterHolder(VaryOnHeadersFilter.class);
              holder.setInitParameter("headers", "Accept-Language, X-Theme");
              context.addFilter(holder, "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    assertThat(site.get("/p").headers().firstValue("Vary")).hasValue("Accept-Language, X-Theme");
  }

  @Test
  void thePageCacheKeepsOneCopyPerValueOfAHeaderAddedByVaryOnHeaders() throws Exception {
    site(new VaryOnHeadersFilter("X-Theme"))
        .page(
            "/cached/p",
            (request, response) -> response.getWriter().write(request.getHeader("X-Theme")));
    assertThat(site.get("/cached/p", "X-Theme", "dark").body()).isEqualTo("dark");
    assertThat(site.get("/cached/p", "X-Theme", "light").body()).isEqualTo("light");
    assertThat(site.get("/cached/p", "X-Theme", "dark").body()).isEqualTo("dark");
    assertThat(site.renders("/cached/p")).isEqualTo(2);
  }

  private static java.time.InstantSource clockAtStart() {
    return java.time.InstantSource.fixed(TestSite.START);
  }
}
