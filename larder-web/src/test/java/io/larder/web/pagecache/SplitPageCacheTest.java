package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.headers.VaryOnHeadersFilter;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** The split pair: UpdateCacheFilter first, FetchFromCacheFilter last, filters between. */
class SplitPageCacheTest extends SiteTest {

  @Test
  void theUpdateHalfSeesHeadersAddedByFiltersBetweenTheHalves() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              PageCache pages = PageCache.builder(s.cache).build();
              context.addFilter(new FilterHolder(pages.updateFilter()), "/*", REQUEST);
              context.addFilter(
                  new FilterHolder(new VaryOnHeadersFilter("X-Theme")), "/*", REQUEST);
              context.addFilter(new FilterHolder(pages.fetchFilter()), "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.page(
        "/p", (request, response) -> response.getWriter().write(request.getHeader("X-Theme")));
    HttpResponse<String> dark = site.get("/p", "X-Theme", "dark");
    site.get("/p", "X-Theme", "light");
    HttpResponse<String> hit = site.get("/p", "X-Theme", "dark");
    assertThat(dark.headers().firstValue("Vary")).hasValue("X-Theme");
    assertThat(hit.body()).isEqualTo("dark");
    assertThat(hit.headers().firstValue("Age")).hasValue("0");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void theUpdateHalfAloneStoresNothing() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(PageCache.builder(s.cache).build().updateFilter()),
                  "/*",
                  REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void theHalvesConfiguredFromInitParamsShareTheirEntries() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              FilterHolder update = new FilterHolder(UpdateCacheFilter.class);
              update.setInitParameter("key-prefix", "site");
              FilterHolder fetch = new FilterHolder(FetchFromCacheFilter.class);
              fetch.setInitParameter("key-prefix", "site");
              context.addFilter(update, "/*", REQUEST);
              context.addFilter(fetch, "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    site.get("/p");
    assertThat(site.get("/p").body()).isEqualTo("x");
    assertThat(site.renders("/p")).isEqualTo(1);
  }
}
