package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.AnnotatedServlets;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.headers.HttpDates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * A page-cache timeout of 0 (issue 32): as Django's {@code UpdateCacheMiddleware}, nothing is
 * stored and a response that says nothing of its freshness is told to every cache downstream
 * ({@code Cache-Control: max-age=0}, {@code Expires} now), for the site-wide filter, the split pair
 * and {@code @CachedView(seconds = 0)}; a response that already says {@code max-age=0}, {@code
 * no-cache} or {@code private} is left as the view wrote it. The caches run on the system clock
 * here, so that {@code Expires} can be compared with the {@code Date} Jetty sends.
 */
class ZeroTimeoutTest extends SiteTest {
  static final AtomicInteger ZERO_RENDERS = new AtomicInteger();

  /** cache_page(0). */
  @CachedView(seconds = 0)
  public static class ZeroServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      ZERO_RENDERS.incrementAndGet();
      response.getWriter().write("zero");
    }
  }

  private TestSite siteWide() throws Exception {
    site =
        TestSite.start(
            b -> b.clock(InstantSource.system()),
            (context, s) ->
                TestSite.behind(PageCache.builder(s.cache).cacheTimeout(Duration.ZERO))
                    .install(context, s));
    return site;
  }

  @Test
  void theSiteWideFilterStoresNothingAndMarksThePageMaxAgeZeroExpiringNow() throws Exception {
    siteWide().text("/p", "x");
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
    assertMarkedNotToBeKept(first);
  }

  @Test
  void aCachedViewWithATimeoutOfZeroStoresNothingAndMarksThePage() throws Exception {
    ZERO_RENDERS.set(0);
    site =
        TestSite.start(
            b -> b.clock(InstantSource.system()),
            (context, s) -> {
              context.addServlet(ZeroServlet.class, "/zero");
              context.addServletContainerInitializer(new AnnotatedServlets(), ZeroServlet.class);
            });
    HttpResponse<String> first = site.get("/zero");
    site.get("/zero");
    assertThat(first.body()).isEqualTo("zero");
    assertThat(ZERO_RENDERS).hasValue(2);
    assertMarkedNotToBeKept(first);
  }

  @Test
  void theSplitPairWithATimeoutOfZeroStoresNothingAndMarksThePage() throws Exception {
    site =
        TestSite.start(
            b -> b.clock(InstantSource.system()),
            (context, s) -> {
              PageCache pages = PageCache.builder(s.cache).cacheTimeout(Duration.ZERO).build();
              context.addFilter(new FilterHolder(pages.updateFilter()), "/*", REQUEST);
              context.addFilter(new FilterHolder(pages.fetchFilter()), "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
    assertMarkedNotToBeKept(first);
  }

  @Test
  void aResponseThatSaysMaxAgeZeroIsLeftAsTheViewWroteIt() throws Exception {
    assertLeftAsWritten("max-age=0");
  }

  @Test
  void aResponseThatSaysNoCacheIsLeftAsTheViewWroteIt() throws Exception {
    assertLeftAsWritten("no-cache");
  }

  @Test
  void aResponseThatSaysPrivateIsLeftAsTheViewWroteIt() throws Exception {
    assertLeftAsWritten("private");
  }

  private void assertLeftAsWritten(String cacheControl) throws Exception {
    siteWide().text("/p", "x", "Cache-Control", cacheControl);
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
    assertThat(first.headers().allValues("Cache-Control")).containsExactly(cacheControl);
    assertThat(first.headers().firstValue("Expires")).isEmpty();
  }

  /**
   * Not stored, {@code max-age=0}, and {@code Expires} the response's {@code Date}: both are "now"
   * to the second, taken microseconds apart (the page cache patches just before Jetty commits), so
   * they may straddle a second's end.
   */
  private static void assertMarkedNotToBeKept(HttpResponse<String> response) {
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("max-age=0");
    long expires = HttpDates.parse(response.headers().firstValue("Expires").orElseThrow());
    long date = HttpDates.parse(response.headers().firstValue("Date").orElseThrow());
    assertThat(expires).isBetween(date - 1, date);
  }
}
