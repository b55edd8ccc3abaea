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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the page cache's filters share: made by web.xml and configured from init-params in {@link
 * #init}, or handed their {@link PageCache} in code; requests that are not HTTP pass through.
 */
abstract class PageFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(PageFilter.class);

  private final FilterSetup setup;

  /** Set by {@link #use}, once, before the first request. */
  PageCache pages;

  /** For web.xml and {@code @WebFilter}: configured from init-params in {@link #init}. */
  PageFilter() {
    this.setup = new FilterSetup();
  }

  PageFilter(PageCache pages) {
    this.setup = new FilterSetup(pages);
    // The subclasses' fields have no initializers, so what use() sets here stays set.
    use(pages);
  }

  @Override
  public final void init(FilterConfig config) throws ServletException {
    use(setup.init(config));
  }

  /** Takes {@code pages} and makes what the filter needs of it. */
  void use(PageCache pages) {
    this.pages = pages;
  }

  @Override
  public final void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
      filter(request, response, chain);
    } else {
      chain.doFilter(req, res);
    }
  }

  abstract void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException;

  /**
   * Answers a request for a host the allowed hosts do not name with 400, as Django answers its
   * {@code DisallowedHost}; logged with the host, cut short and stripped of control characters.
   */
  void rejectHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
