package io.larder.web.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page cache as one filter: Django's {@code CacheMiddleware}, mapped to {@code /*} for the
 * whole site or to chosen URL patterns with a {@code page-timeout} for {@code cache_page}. A hit is
 * written from the cache and the chain does not run; a miss runs the chain into a buffer, stores
 * the response if {@link PageCache}'s rules allow, and sends it.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>pages</filter-name>
 *   <filter-class>io.larder.web.pagecache.PageCacheFilter</filter-class>
 *   <init-param><param-name>cache-timeout</param-name><param-value>300</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>pages</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 *
 * <p>Init-params (all optional): {@code cache-alias} (default {@code default}), {@code
 * cache-timeout} and {@code page-timeout} (seconds), {@code key-prefix}, {@code max-page-bytes},
 * {@code etags}, {@code coalesce-misses}, {@code anonymous-only}, {@code stale-while-revalidate}
 * and {@code stale-if-error} (seconds), {@code max-variants-per-path}, {@code allowed-hosts}
 * (patterns separated by commas or spaces), {@code reject-disallowed-hosts} and {@code languages}
 * (Django's {@code LANGUAGES} in the key, the default first: {@link KeySuffix#languages}). The
 * caches are the context's ({@link PageCache}'s Javadoc and {@code docs/web.md} say where they come
 * from).
 *
 * <p>Map it after every filter that controls access (a hit skips the filters after it): a
 * page-cache filter that finds Spring Security's filter chain covering a request but not yet run
 * neither answers nor stores it, and logs an error ({@code docs/web.md}, "Filter order").
 *
 * @since 0.1
 */
public final class PageCacheFilter extends PageFilter {
  private static final Logger LOG = LoggerFactory.getLogger(PageCacheFilter.class);

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  public PageCacheFilter() {}

  PageCacheFilter(PageCache pages) {
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
    switch (lookup) {
      case PASS -> chain.doFilter(request, response);
      case PRIVATE -> update.around(request, response, chain, facts, lookup, () -> true, null);
      case FETCH -> fetchOrRender(request, response, chain, facts);
    }
  }

  /** Carries out the policy's {@link PagePolicy.Serving} for what the lookup found. */
  private void fetchOrRender(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts)
      throws IOException, ServletException {
    CacheFetch.Found found = fetch.find(request, facts);
    PagePolicy.Serving serving = fetch.serving(found);
    if (serving.answers()) {
      boolean refreshes =
          serving.refresh() && found.key() != null && pages.startRefresh(found.key());
      if (refreshes) {
        // This connection stays busy with the render: the client's next request takes
        // another one instead of queueing behind it (HTTP/1.1; HTTP/2 multiplexes).
        response.setHeader("Connection", "close");
      }
      if (serving.refresh()) {
        pages.countServedWhileRevalidating();
      }
      fetch.answer(request, response, serving.answer());
      if (refreshes) {
        refresh(request, response, chain, facts, found.key());
      }
      return;
    }
    MissFlights flights = pages.flights();
    String key = found.key();
    if (flights != null && key != null && !flights.remembersUnstored(key)) {
      try {
        if (flights.lead(key, () -> render(request, response, chain, facts, serving.fallback()))) {
          return;
        }
      } catch (IOException | ServletException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new ServletException(e);
      }
      PagePolicy.Serving after = fetch.servingWithoutRefresh(fetch.find(request, facts));
      if (after.answers()) {
        fetch.answer(request, response, after.answer());
        return;
      }
    }
    render(request, response, chain, facts, serving.fallback());
  }

  /** Runs the view and stores its response, with {@code fallback} for a failed render, or null. */
  private boolean render(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts,
      StoredPage fallback)
      throws IOException, ServletException {
    return update.around(
        request, response, chain, facts, PagePolicy.Lookup.FETCH, () -> true, fallback);
  }

  /**
   * Stale-while-revalidate: the client has its stale page, sent in full; this request's thread then
   * renders the page again into a response no client sees, and stores it. The caller has claimed
   * the page's one refresh; other requests for it are only served meanwhile.
   */
  private void refresh(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts,
      String key)
      throws IOException {
    try {
      // Sends the stale page on its way before the render starts.
      response.flushBuffer();
      render(request, new DetachedResponse(), chain, facts, null);
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.warn(
          "Page cache {}: refreshing {} failed; the stale page stays: {}",
          pages,
          request.getRequestURI(),
          e.toString());
    } finally {
      pages.endRefresh(key);
    }
  }
}
