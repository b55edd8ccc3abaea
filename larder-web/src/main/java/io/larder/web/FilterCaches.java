package io.larder.web;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A web.xml filter's hold on its web application's caches ({@link ContextCaches}): acquired when it
 * is set up from its init-params, released when it is destroyed or its setup fails. A wrong
 * init-param is reported naming the filter, the init-param, the value and what is accepted.
 *
 * <pre>{@code
 * private final FilterCaches caches = new FilterCaches();
 *
 * public void init(FilterConfig config) {
 *   settings = caches.setUp(config, (caches, params, complaint) ->
 *       MySettings.from(caches, params, complaint));
 * }
 *
 * public void destroy() {
 *   caches.release();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class FilterCaches {
  /**
   * Makes what a filter needs from its context's caches and its init-params.
   *
   * @param <T> what the filter is set up with
   */
  @FunctionalInterface
  public interface Setup<T> {
    /**
     * What the filter is set up with, made from its context's caches and its init-params.
     *
     * @param caches the web application's caches
     * @param initParams the filter's init-params, in the order the container gives them
     * @param complaint the error for a wrong init-param, naming the filter
     * @return what the filter is set up with
     */
    T make(Caches caches, Map<String, String> initParams, WebSetting.Complaint complaint);
  }

  private ServletContext acquiredFrom;

  /**
   * Acquires the context's caches and makes {@code setup}'s result from them; if that fails, the
   * caches are released and the failure thrown.
   *
   * @param config the filter's configuration: its name, init-params and servlet context
   * @param setup makes what the filter needs
   * @param <T> what the filter is set up with
   * @return what {@code setup} made
   */
  public <T> T setUp(FilterConfig config, Setup<T> setup) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      params.put(name, config.getInitParameter(name));
    }
    ServletContext context = config.getServletContext();
    Caches caches = ContextCaches.acquire(context);
    try {
      T made =
          setup.make(caches, params, (name, value, accepted) -> bad(config, name, value, accepted));
      acquiredFrom = context;
      return made;
    } catch (RuntimeException e) {
      ContextCaches.release(context);
      throw e;
    }
  }

  /** Releases the caches {@link #setUp} acquired, if it did; again, it does nothing. */
  public void release() {
    if (acquiredFrom != null) {
      ContextCaches.release(acquiredFrom);
      acquiredFrom = null;
    }
  }

  private static InvalidConfigurationException bad(
      FilterConfig config, String name, Object value, String accepted) {
    return new InvalidConfigurationException(
        "Filter '"
            + config.getFilterName()
            + "': init-param '"
            + name
            + "' is '"
            + value
            + "'; accepted: "
            + accepted);
  }
}
