package io.larder.web.pagecache;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.web.ContextCaches;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page-cache filter's configuration: the {@link PageCache} it was made with, or one read from its
 * init-params through {@link PageCacheSettings} (checked, with errors that name the filter, the
 * parameter, the value and what is accepted).
 */
final class FilterSetup {
  private final PageCache given;
  private ServletContext acquiredFrom;

  FilterSetup() {
    this.given = null;
  }

  FilterSetup(PageCache pages) {
    this.given = pages;
  }

  PageCache init(FilterConfig config) {
    if (given != null) {
      return given;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      params.put(name, config.getInitParameter(name));
    }
    ServletContext context = config.getServletContext();
    Caches caches = ContextCaches.acquire(context);
    try {
      PageCache pages =
          PageCacheSettings.build(
              caches, params, (name, value, accepted) -> bad(config, name, value, accepted));
      acquiredFrom = context;
      return pages;
    } catch (RuntimeException e) {
      ContextCaches.release(context);
      throw e;
    }
  }

  void destroy() {
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
