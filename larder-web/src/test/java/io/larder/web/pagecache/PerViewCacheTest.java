package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.InvalidConfigurationException;
import io.larder.spi.Md5;
import io.larder.web.FilterConfigStub;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * cache_page: chosen URL patterns or a wrapped servlet, each with its own timeout, alias, prefix.
 */
class PerViewCacheTest extends SiteTest {

  @Test
  void onlyTheMappedUrlPatternsAreCached() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(PageCache.builder(s.cache).build().filter()),
                  "/reports/*",
                  REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/reports/q1", "q1").text("/home", "home");
    site.get("/reports/q1");
    site.get("/reports/q1");
    site.get("/home");
    site.get("/home");
    assertThat(site.renders("/reports/q1")).isEqualTo(1);
    assertThat(site.renders("/home")).isEqualTo(2);
  }

  @Test
  void aForwardIsCachedOnlyAsPartOfTheRequestThatMadeIt() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(PageCache.builder(s.cache).build().filter()),
                  "/*",
                  EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD));
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.page(
            "/a",
            (request, response) -> {
              try {
                request.getRequestDispatcher("/b").forward(request, response);
              } catch (jakarta.servlet.ServletException e) {
                throw new java.io.IOException(e);
              }
            })
        .text("/b", "b");
    assertThat(site.get("/a").body()).isEqualTo("b");
    assertThat(site.get("/a").body()).isEqualTo("b");
    site.get("/b");
    assertThat(site.renders("/a")).isEqualTo(1);
    assertThat(site.renders("/b")).isEqualTo(2);
  }

  @Test
  void aWrappedServletIsCachedForItsPageTimeout() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              PageCache pages =
                  PageCache.builder(s.cache).pageTimeout(Duration.ofSeconds(60)).build();
              context.addServlet(new ServletHolder(pages.wrap(s.pagesServlet())), "/view/*");
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/view/a", "a", "Cache-Control", "max-age=5");
    site.get("/view/a");
    site.clock.advanceSeconds(30);
    site.get("/view/a");
    assertThat(site.renders("/view/a")).isEqualTo(1);
    site.clock.advanceSeconds(31);
    site.get("/view/a");
    assertThat(site.renders("/view/a")).isEqualTo(2);
  }

  @Test
  void eachViewUsesItsOwnCacheAliasAndKeyPrefix() throws Exception {
    site =
        TestSite.start(
            b ->
                b.config(
                    Map.of(
                        "default", Map.of("backend", "locmem", "location", "per-view-default"),
                        "pages", Map.of("backend", "locmem", "location", "per-view-pages"))),
            (context, s) -> {
              s.caches.get("pages").clear();
              FilterHolder a = new FilterHolder(PageCacheFilter.class);
              a.setInitParameter("cache-alias", "pages");
              a.setInitParameter("key-prefix", "reports");
              a.setInitParameter("page-timeout", "120");
              context.addFilter(a, "/a/*", REQUEST);
              FilterHolder b = new FilterHolder(PageCacheFilter.class);
              b.setInitParameter("key-prefix", "news");
              context.addFilter(b, "/b/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/a/x", "a").text("/b/x", "b");
    site.get("/a/x", "Host", "testserver");
    site.get("/b/x", "Host", "testserver");
    assertThat(site.get("/a/x").body()).isEqualTo("a");
    String aHeaderKey =
        "views.decorators.cache.cache_header.reports." + md5("http://testserver/a/x");
    String bHeaderKey = "views.decorators.cache.cache_header.news." + md5("http://testserver/b/x");
    assertThat(site.caches.get("pages").hasKey(aHeaderKey)).isTrue();
    assertThat(site.cache.hasKey(aHeaderKey)).isFalse();
    assertThat(site.cache.hasKey(bHeaderKey)).isTrue();
  }

  @Test
  void aWrongInitParamFailsWithTheFilterParameterValueAndAcceptedValues() throws Exception {
    PageCacheFilter filter = new PageCacheFilter();
    site =
        TestSite.start(
            (context, s) -> context.addServlet(new ServletHolder(s.pagesServlet()), "/*"));
    FilterConfigStub config =
        new FilterConfigStub("pages", Map.of("cache-timeout", "ten minutes"), site);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.init(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Filter 'pages': init-param 'cache-timeout' is 'ten minutes'; accepted: a whole number"
                + " of seconds, 0 or more");
  }

  @Test
  void anUnknownCacheAliasFailsWithTheConfiguredAliases() throws Exception {
    PageCacheFilter filter = new PageCacheFilter();
    site =
        TestSite.start(
            (context, s) -> context.addServlet(new ServletHolder(s.pagesServlet()), "/*"));
    FilterConfigStub config = new FilterConfigStub("pages", Map.of("cache-alias", "nope"), site);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.init(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("default");
  }

  private static String md5(String s) {
    return Md5.hex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
