package io.larder.web.session;

import io.larder.web.ContextCaches;
import io.larder.web.FilterCaches;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * The {@link SessionFilter} as web.xml declares it: its init-params are the {@link
 * SessionSettings#SETTINGS} (in kebab or snake case), its caches the web application's ({@link
 * ContextCaches}). A wrong or unknown init-param stops the application at start-up, naming the
 * filter, the init-param, the value and what is accepted.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>sessions</filter-name>
 *   <filter-class>io.larder.web.session.WebXmlSessionFilter</filter-class>
 *   <init-param><param-name>cookie-age</param-name><param-value>1209600</param-value></init-param>
 * </filter>
 * }</pre>
 *
 * @since 0.1
 */
public final class WebXmlSessionFilter implements Filter {
  private SessionFilter sessions;
  private final FilterCaches caches = new FilterCaches();

  /** A filter that reads its settings from its init-params when the container starts it. */
  public WebXmlSessionFilter() {}

  @Override
  public void init(FilterConfig config) {
    sessions =
        caches.setUp(
            config,
            (contextCaches, params, complaint) -> {
              SessionFilter filter =
                  new SessionFilter(contextCaches, SessionSettings.from(params, complaint));
              filter.init(config);
              return filter;
            });
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    sessions.doFilter(request, response, chain);
  }

  @Override
  public void destroy() {
    if (sessions != null) {
      sessions.destroy();
    }
    caches.release();
  }
}
