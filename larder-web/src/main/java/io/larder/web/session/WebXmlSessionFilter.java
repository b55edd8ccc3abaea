package io.larder.web.session;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.web.ContextCaches;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
  private ServletContext acquiredFrom;

  /** A filter that reads its settings from its init-params when the container starts it. */
  public WebXmlSessionFilter() {}

  @Override
  public void init(FilterConfig config) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      params.put(name, config.getInitParameter(name));
    }
    ServletContext context = config.getServletContext();
    Caches caches = ContextCaches.acquire(context);
    try {
      SessionSettings settings =
          SessionSettings.from(
              params,
              (name, value, accepted) ->
                  new InvalidConfigurationException(
                      "Filter '"
                          + config.getFilterName()
                          + "': init-param '"
                          + name
                          + "' is '"
                          + value
                          + "'; accepted: "
                          + accepted));
      sessions = new SessionFilter(caches, settings);
      sessions.init(config);
      acquiredFrom = context;
    } catch (RuntimeException e) {
      ContextCaches.release(context);
      throw e;
    }
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
    if (acquiredFrom != null) {
      ContextCaches.release(acquiredFrom);
      acquiredFrom = null;
    }
  }
}
