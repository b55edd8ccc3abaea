package io.larder.web.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The fetching half of the split page cache: Django's {@code FetchFromCacheMiddleware}, mapped
 * <em>last</em>, after every filter that adds to {@code Vary}. It answers a hit from the cache; on
 * a miss it marks the request for {@link UpdateCacheFilter} (mapped first) to store. Use the pair
 * only where filter order requires it; otherwise {@link PageCacheFilter} does both.
 *
 * <p>Init-params as {@link PageCacheFilter}'s; give both halves the same {@code cache-alias} and
 * {@code key-prefix}.
 *
 * @since 0.1
 */
public final class FetchFromCacheFilter extends PageFilter {
  /** The request attribute by which the fetch half asks the update half to store a response. */
  static final String UPDATE_ATTRIBUTE = "io.larder.web.updateCache";

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public FetchFromCacheFilter() {}

  FetchFromCacheFilter(PageCache pages) {
    super(pages);
  }

  @Override
  void filter(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts,
      PagePolicy.Lookup lookup)
      throws IOException, ServletException {
    boolean cacheable = lookup == PagePolicy.Lookup.FETCH;
    if (cacheable) {
      // The split pair has no background refresh: a stale page is a miss here.
      PagePolicy.Serving serving = fetch.servingWithoutRefresh(fetch.find(request, facts));
      if (serving.answers()) {
        fetch.answer(request, response, serving.answer());
        request.setAttribute(UPDATE_ATTRIBUTE, Boolean.FALSE);
        return;
      }
    }
    request.setAttribute(UPDATE_ATTRIBUTE, cacheable);
    chain.doFilter(request, response);
  }
}
