package io.larder.web.pagecache;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the page cache's filters share: made by web.xml and configured from init-params in {@link
 * #init}, or handed their {@link PageCache} in code; requests that are not HTTP pass through.
 */
abstract class PageFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(PageFilter.class);

  private final FilterSetup setup;
  private final AtomicBoolean toldAheadOfSecurity = new AtomicBoolean();

  /** The context's security chains, read in {@link #init}; none for a wrapped servlet. */
  private SecurityChains security = SecurityChains.none();

  /** Set by {@link #use}, once, before the first request. */
  PageCache pages;

  /** The fetching half of {@link #pages}, set with it. */
  CacheFetch fetch;

  /** The storing half of {@link #pages}, set with it. */
  CacheUpdate update;

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  PageFilter() {
    this.setup = new FilterSetup();
  }

  PageFilter(PageCache pages) {
    this.setup = new FilterSetup(pages);
    use(pages);
  }

  @Override
  public final void init(FilterConfig config) throws ServletException {
    use(setup.init(config));
    security = SecurityChains.of(config.getServletContext());
  }

  /** Takes {@code pages} and makes its fetching and storing halves. */
  private void use(PageCache pages) {
    this.pages = pages;
    this.fetch = new CacheFetch(pages);
    this.update = new CacheUpdate(pages);
  }

  @Override
  public final void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request
        && res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    if (answersFromCache() && passedAheadOfSecurity(request, response, chain)) {
      return;
    }
    PageRequest facts = pages.facts(request);
    PagePolicy.Lookup lookup = pages.policy().lookup(facts);
    if (lookup == PagePolicy.Lookup.REJECT) {
      rejectHost(request, response);
      return;
    }
    filter(request, response, chain, facts, lookup);
  }

  /**
   * Whether this filter answers requests from the cache, and so must run after every filter that
   * controls access; the split pair's storing half only stores what the fetching half let by.
   */
  boolean answersFromCache() {
    return true;
  }

  /**
   * Runs the rest of the chain untouched, and returns true, if this filter runs ahead of a security
   * filter chain that covers the request ({@link SecurityChains}): a page it served would skip the
   * chain's access control, and a page it stored would be served so later. Said once as an error,
   * with the fix.
   */
  private boolean passedAheadOfSecurity(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      return false;
    }
    String skipped = security.skippedBy(request);
    if (skipped == null) {
      return false;
    }
    if (toldAheadOfSecurity.compareAndSet(false, true)) {
      LOG.error(
          "Page cache {}: this filter runs ahead of the security filter '{}' (seen on {}), so a"
              + " cached page would skip its access control. Requests it covers are neither"
              + " answered from nor stored in the cache until the page cache is mapped after it"
              + " (Spring Boot: a filter order above the security filter's, -100 by default;"
              + " web.xml: the page cache's filter-mapping after the security filter's).",
          pages,
          skipped,
          request.getRequestURI());
    }
    chain.doFilter(request, response);
    return true;
  }

  /**
   * Carries out the policy's {@code lookup} of {@code facts} (never {@link
   * PagePolicy.Lookup#REJECT}, answered before) on an HTTP request.
   */
  abstract void filter(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      PageRequest facts,
      PagePolicy.Lookup lookup)
      throws IOException, ServletException;

  /**
   * Answers a request for a host the allowed hosts do not name with 400, as Django answers its
   * {@code DisallowedHost}; logged with the host, cut short and stripped of control characters.
   */
  private void rejectHost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String host = AllowedHosts.host(request);
    String shown = host.length() > 100 ? host.substring(0, 100) + "…" : host;
    LOG.warn(
        "Page cache {}: invalid Host header '{}'; it is not in the allowed hosts",
        pages,
        shown.replaceAll("\\p{Cntrl}", "?"));
    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid Host header");
  }

  @Override
  public final void destroy() {
    setup.destroy();
  }
}
