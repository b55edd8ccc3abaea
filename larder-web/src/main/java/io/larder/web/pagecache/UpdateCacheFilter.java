package io.larder.web.pagecache;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The storing half of the split page cache: Django's {@code UpdateCacheMiddleware}, mapped
 * <em>first</em>, so it sees the response after every other filter has added its headers. It stores
 * only responses that {@link FetchFromCacheFilter} marked as misses; without that filter it stores
 * nothing, as in Django.
 *
 * <p>Init-params as {@link PageCacheFilter}'s.
 */
public final class UpdateCacheFilter implements Filter {
  private final FilterSetup setup;
  private PageCache pages;
  private CacheUpdate update;

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public UpdateCacheFilter() {
    this.setup = new FilterSetup();
  }

  UpdateCacheFilter(PageCache pages) {
    this.setup = new FilterSetup(pages);
    use(pages);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    use(setup.init(config));
  }

  private void use(PageCache pages) {
    this.pages = pages;
    this.update = new CacheUpdate(pages);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    PageRequest facts = pages.facts(request);
    if (pages.policy().lookup(facts) == PagePolicy.Lookup.PASS) {
      chain.doFilter(req, res);
      return;
    }
    update.around(
        request,
        response,
        chain,
        facts,
        () -> Boolean.TRUE.equals(request.getAttribute(FetchFromCacheFilter.UPDATE_ATTRIBUTE)),
        null);
  }

  @Override
  public void destroy() {
    setup.destroy();
  }
}
