package io.larder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.spi.Md5;
import io.larder.web.headers.CacheControl;
import io.larder.web.headers.NeverCache;
import io.larder.web.headers.VaryOnHeaders;
import io.larder.web.pagecache.CachedView;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The annotations on servlet classes, applied by the initializer in a real Jetty. */
class AnnotatedServletsTest extends SiteTest {
  static final AtomicInteger REPORT_RENDERS = new AtomicInteger();
  static final AtomicInteger ACCOUNT_RENDERS = new AtomicInteger();

  /** cache_page(120) with vary_on_headers("X-Theme") inside it. */
  @CachedView(seconds = 120, keyPrefix = "reports")
  @VaryOnHeaders("X-Theme")
  public static class ReportServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      REPORT_RENDERS.incrementAndGet();
      response.setHeader("Cache-Control", "max-age=5");
      response.getWriter().write("report for " + request.getHeader("X-Theme"));
    }
  }

  /** never_cache behind a page cache: never stored. */
  @CachedView(seconds = 120)
  @NeverCache
  public static class AccountServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      ACCOUNT_RENDERS.incrementAndGet();
      response.getWriter().write("account");
    }
  }

  /** cache_control(public=True, max_age=3600). */
  @CacheControl("public, max-age=3600")
  public static class LogoServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write("logo");
    }
  }

  @BeforeEach
  void start() throws Exception {
    REPORT_RENDERS.set(0);
    ACCOUNT_RENDERS.set(0);
    site =
        TestSite.start(
            (context, s) -> {
              context.addServlet(ReportServlet.class, "/report");
              context.addServlet(AccountServlet.class, "/account");
              context.addServlet(LogoServlet.class, "/logo");
              context.addServletContainerInitializer(
                  new AnnotatedServlets(),
                  ReportServlet.class,
                  AccountServlet.class,
                  LogoServlet.class);
            });
  }

  @Test
  void cachePageStoresTheServletsResponsesForItsTimeout() throws Exception {
    site.get("/report", "X-Theme", "dark");
    site.clock.advanceSeconds(60);
    HttpResponse<String> hit = site.get("/report", "X-Theme", "dark");
    assertThat(hit.body()).isEqualTo("report for dark");
    assertThat(REPORT_RENDERS).hasValue(1);
  }

  @Test
  void varyOnHeadersInsideCachePageKeysTheCacheOnTheHeader() throws Exception {
    site.get("/report", "X-Theme", "dark");
    HttpResponse<String> light = site.get("/report", "X-Theme", "light");
    assertThat(light.body()).isEqualTo("report for light");
    assertThat(light.headers().firstValue("Vary")).hasValue("X-Theme");
    assertThat(REPORT_RENDERS).hasValue(2);
  }

  @Test
  void cachePageUsesItsKeyPrefix() throws Exception {
    site.get("/report", "Host", "testserver");
    assertThat(
            site.cache.hasKey(
                "views.decorators.cache.cache_header.reports."
                    + Md5.hex("http://testserver/report".getBytes())))
        .isTrue();
  }

  @Test
  void neverCacheInsideCachePageIsNeverStored() throws Exception {
    HttpResponse<String> first = site.get("/account");
    site.get("/account");
    assertThat(first.headers().firstValue("Cache-Control"))
        .hasValue("max-age=0, no-cache, no-store, must-revalidate, private");
    assertThat(ACCOUNT_RENDERS).hasValue(2);
  }

  @Test
  void cacheControlSetsTheServletsDirectives() throws Exception {
    assertThat(site.get("/logo").headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=3600");
  }
}
