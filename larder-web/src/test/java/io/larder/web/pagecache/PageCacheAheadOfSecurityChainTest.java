package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * The page cache's check of its place against Spring Security's filter chain, on real Jetty over
 * HTTP, with a stand-in registered under Spring Security's filter name that marks the requests it
 * handles as Spring Security's {@code FilterChainProxy} does (real Spring Security in a Boot app:
 * the starter's {@code PageCacheAheadOfSecurityTest}). The stand-in covers {@code /members/*} and
 * refuses requests without {@code X-Member}.
 */
class PageCacheAheadOfSecurityChainTest extends SiteTest {
  private static final Filter SECURITY =
      (req, res, chain) -> {
        HttpServletRequest request = (HttpServletRequest) req;
        request.setAttribute(SecurityChains.SPRING_SECURITY_APPLIED, Boolean.TRUE);
        try {
          if (request.getHeader("X-Member") == null) {
            ((HttpServletResponse) res).sendError(403);
            return;
          }
          chain.doFilter(req, res);
        } finally {
          request.removeAttribute(SecurityChains.SPRING_SECURITY_APPLIED);
        }
      };

  /** Starts the site with the filters {@code order} makes, {@link #SECURITY} among them. */
  private void start(Function<PageCache, List<Filter>> order) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              for (Filter filter : order.apply(PageCache.builder(s.cache).build())) {
                FilterHolder holder = new FilterHolder(filter);
                if (filter == SECURITY) {
                  holder.setName("springSecurityFilterChain");
                  context.addFilter(holder, "/members/*", REQUEST);
                } else {
                  context.addFilter(holder, "/*", REQUEST);
                }
              }
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/members/report", "members only");
    site.text("/open", "for everyone");
  }

  @Test
  void aheadOfTheChainItNeitherServesNorStoresThePagesTheChainCovers() throws Exception {
    start(pages -> List.of(pages.filter(), SECURITY));
    site.get("/members/report", "X-Member", "ann");
    site.get("/members/report", "X-Member", "ann");

    assertThat(site.get("/members/report").statusCode()).isEqualTo(403);
    assertThat(site.renders("/members/report")).isEqualTo(2);
  }

  @Test
  void aheadOfTheChainItStillCachesThePagesTheChainDoesNotCover() throws Exception {
    start(pages -> List.of(pages.filter(), SECURITY));
    site.get("/open");

    assertThat(site.get("/open").headers().firstValue("Age")).isPresent();
    assertThat(site.renders("/open")).isEqualTo(1);
  }

  @Test
  void afterTheChainItCachesForMembersAndAnonymousRequestsAreRefused() throws Exception {
    start(pages -> List.of(SECURITY, pages.filter()));
    site.get("/members/report", "X-Member", "ann");

    assertThat(site.get("/members/report", "X-Member", "bob").headers().firstValue("Age"))
        .isPresent();
    assertThat(site.get("/members/report").statusCode()).isEqualTo(403);
    assertThat(site.renders("/members/report")).isEqualTo(1);
  }

  @Test
  void theSplitPairsFetchingHalfAheadOfTheChainServesNothingItCovers() throws Exception {
    start(pages -> List.of(pages.updateFilter(), pages.fetchFilter(), SECURITY));
    site.get("/members/report", "X-Member", "ann");
    site.get("/members/report", "X-Member", "ann");

    assertThat(site.get("/members/report").statusCode()).isEqualTo(403);
    assertThat(site.renders("/members/report")).isEqualTo(2);
  }
}
