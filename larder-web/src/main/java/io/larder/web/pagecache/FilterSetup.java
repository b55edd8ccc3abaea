package io.larder.web.pagecache;

import io.larder.web.FilterCaches;
import jakarta.servlet.FilterConfig;

/**
 * A page-cache filter's configuration: the {@link PageCache} it was made with, or one read from its
 * init-params through {@link PageCacheSettings} (checked, with errors that name the filter, the
 * parameter, the value and what is accepted).
 */
final class FilterSetup {
  private final PageCache given;
  private final FilterCaches caches = new FilterCaches();

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
    return caches.setUp(config, PageCacheSettings::build);
  }

  void destroy() {
    caches.release();
  }
}
