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
  private CacheUpdate update;

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public UpdateCacheFilter() {
    this.setup = new FilterSetup();
  }

  UpdateCacheFilter(PageCache pages) {
    this.setup = new FilterSetup(pages);
    this.update = new CacheUpdate(pages);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    this.update = new CacheUpdate(setup.init(config));
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
    update.around(
        request,
        response,
        chain,
        () -> Boolean.TRUE.equals(request.getAttribute(FetchFromCacheFilter.UPDATE_ATTRIBUTE)));
  }

  @Override
  public void destroy() {
    setup.destroy();
  }
}
