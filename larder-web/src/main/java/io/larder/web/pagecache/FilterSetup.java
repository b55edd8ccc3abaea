package io.larder.web.pagecache;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.internal.SettingValues;
import io.larder.web.headers.HeaderValues;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.List;

/**
 * A page-cache filter's configuration: the {@link PageCache} it was made with, or one read from its
 * init-params (checked, with errors that name the filter, the parameter, the value and what is
 * accepted).
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
    Caches caches = ContextCaches.acquire(config.getServletContext());
    acquiredFrom = config.getServletContext();
    String alias = param(config, "cache-alias", Caches.DEFAULT_ALIAS);
    PageCache.Builder builder = PageCache.builder(caches.get(alias));
    String cacheTimeout = param(config, "cache-timeout", null);
    if (cacheTimeout != null) {
      builder.cacheTimeout(seconds(config, "cache-timeout", cacheTimeout));
    }
    String pageTimeout = param(config, "page-timeout", null);
    if (pageTimeout != null) {
      builder.pageTimeout(seconds(config, "page-timeout", pageTimeout));
    }
    builder.keyPrefix(param(config, "key-prefix", ""));
    String maxBytes = param(config, "max-page-bytes", null);
    if (maxBytes != null) {
      builder.maxPageBytes(
          (int)
              number(
                  config,
                  "max-page-bytes",
                  maxBytes,
                  Integer.MAX_VALUE,
                  "a whole number of bytes, 0 to " + Integer.MAX_VALUE));
    }
    builder.etags(flag(config, "etags", true));
    builder.coalesceMisses(flag(config, "coalesce-misses", true));
    builder.anonymousOnly(flag(config, "anonymous-only", false));
    String revalidate = param(config, "stale-while-revalidate", null);
    if (revalidate != null) {
      builder.staleWhileRevalidate(seconds(config, "stale-while-revalidate", revalidate));
    }
    String ifError = param(config, "stale-if-error", null);
    if (ifError != null) {
      builder.staleIfError(seconds(config, "stale-if-error", ifError));
    }
    String variants = param(config, "max-variants-per-path", null);
    if (variants != null) {
      builder.maxVariantsPerPath(
          (int)
              number(
                  config,
                  "max-variants-per-path",
                  variants,
                  Integer.MAX_VALUE,
                  "a whole number of pages, 0 to " + Integer.MAX_VALUE));
    }
    String hosts = param(config, "allowed-hosts", null);
    if (hosts != null) {
      try {
        builder.allowedHosts(list(hosts));
      } catch (IllegalArgumentException e) {
        throw bad(
            config,
            "allowed-hosts",
            hosts,
            "host patterns separated by commas or spaces: a host (www.example.com, 127.0.0.1,"
                + " [::1]), a domain and its subdomains (.example.com), or *");
      }
    }
    builder.rejectDisallowedHosts(flag(config, "reject-disallowed-hosts", false));
    String languages = param(config, "languages", null);
    if (languages != null) {
      try {
        builder.keySuffix(KeySuffix.languages(list(languages)));
      } catch (IllegalArgumentException e) {
        throw bad(
            config,
            "languages",
            languages,
            "language codes separated by commas or spaces, the default first: en, fr, pt-br");
      }
    }
    return builder.build();
  }

  void destroy() {
    if (acquiredFrom != null) {
      ContextCaches.release(acquiredFrom);
      acquiredFrom = null;
    }
  }

  private static String param(FilterConfig config, String name, String defaultValue) {
    String value = config.getInitParameter(name);
    return value == null ? defaultValue : value;
  }

  /** The items of an init-param that lists them separated by commas or spaces. */
  private static List<String> list(String value) {
    return HeaderValues.split(value.replaceAll("\\s+", ","));
  }

  /** A true/false init-param, {@code absent} when absent. */
  private static boolean flag(FilterConfig config, String name, boolean absent) {
    String value = param(config, name, Boolean.toString(absent));
    try {
      return SettingValues.bool(value);
    } catch (IllegalArgumentException e) {
      throw bad(config, name, value, e.getMessage());
    }
  }

  private static Duration seconds(FilterConfig config, String name, String value) {
    return Duration.ofSeconds(
        number(config, name, value, Long.MAX_VALUE / 1000, "a whole number of seconds, 0 or more"));
  }

  private static long number(
      FilterConfig config, String name, String value, long max, String accepted) {
    try {
      return SettingValues.integer(value, 0, max);
    } catch (IllegalArgumentException e) {
      throw bad(config, name, value, accepted);
    }
  }

  private static InvalidConfigurationException bad(
      FilterConfig config, String name, String value, String accepted) {
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
