package io.larder.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The page cache as one filter: Django's {@code CacheMiddleware}, mapped to {@code /*} for the
 * whole site or to chosen URL patterns with a {@code page-timeout} for {@code cache_page}. A hit is
 * written from the cache and the chain does not run; a miss runs the chain into a buffer, stores
 * the response if {@link PageCache}'s rules allow, and sends it.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>pages</filter-name>
 *   <filter-class>io.larder.web.PageCacheFilter</filter-class>
 *   <init-param><param-name>cache-timeout</param-name><param-value>300</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>pages</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 *
 * <p>Init-params (all optional): {@code cache-alias} (default {@code default}), {@code
 * cache-timeout} and {@code page-timeout} (seconds), {@code key-prefix}, {@code max-page-bytes},
 * {@code etags}, {@code coalesce-misses}. The caches are the context's ({@link PageCache}'s Javadoc
 * and {@code docs/web.md} say where they come from).
 */
public final class PageCacheFilter implements Filter {
  private final FilterSetup setup;
  private PageCache pages;
  private CacheFetch fetch;
  private CacheUpdate update;

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public PageCacheFilter() {
    this.setup = new FilterSetup();
  }

  PageCacheFilter(PageCache pages) {
    this.setup = new FilterSetup(pages);
    use(pages);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    use(setup.init(config));
  }

  private void use(PageCache pages) {
    this.pages = pages;
    this.fetch = new CacheFetch(pages);
    this.update = new CacheUpdate(pages);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)
        || !CacheFetch.isCacheable(request)) {
      chain.doFilter(req, res);
      return;
    }
    if (fetch.serve(request, response)) {
      return;
    }
    MissFlights flights = pages.flights();
    Object missed = request.getAttribute(CacheFetch.MISSED_KEY);
    if (flights != null && missed instanceof String key && !flights.remembersUnstored(key)) {
      CountDownLatch mine = new CountDownLatch(1);
      CountDownLatch leader = flights.join(key, mine);
      if (leader == null) {
        boolean stored = false;
        try {
          stored = update.around(request, response, chain, () -> true);
        } finally {
          flights.land(key, mine, stored);
        }
        return;
      }
      if (flights.await(leader) && fetch.serve(request, response)) {
        return;
      }
    }
    update.around(request, response, chain, () -> true);
  }

  @Override
  public void destroy() {
    setup.destroy();
  }
}
