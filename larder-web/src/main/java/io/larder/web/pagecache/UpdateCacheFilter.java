package io.larder.web.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
 *
 * @since 0.1
 */
public final class UpdateCacheFilter extends PageFilter {
  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public UpdateCacheFilter() {}

  UpdateCacheFilter(PageCache pages) {
    super(pages);
  }

  @Override
  boolean answersFromCache() {
    return false;
  }

  @Override
  void filter(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts,
      PagePolicy.Lookup lookup)
      throws IOException, ServletException {
    if (lookup == PagePolicy.Lookup.PASS) {
      chain.doFilter(request, response);
      return;
    }
    update.around(
        request,
        response,
        chain,
        facts,
        lookup,
        () -> Boolean.TRUE.equals(request.getAttribute(FetchFromCacheFilter.UPDATE_ATTRIBUTE)),
        null);
  }
}
