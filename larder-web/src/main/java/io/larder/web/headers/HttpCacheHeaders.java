package io.larder.web.headers;

import jakarta.servlet.http.HttpServletResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Django's {@code django.utils.cache} header helpers, on a servlet response. Each reads the
 * response's current headers and replaces the one it patches, so call them before the response is
 * committed (before the body is flushed).
 *
 * <pre>{@code
 * HttpCacheHeaders.patchCacheControl(response, CacheDirectives.none().publicCache().maxAge(600));
 * HttpCacheHeaders.patchVary(response, "Accept-Language");
 * HttpCacheHeaders.neverCache(response); // max-age=0, no-cache, no-store, must-revalidate, private
 * Long maxAge = HttpCacheHeaders.getMaxAge(response); // null when absent or not a number
 * }</pre>
 *
 * <p>The same rules on plain header values are available as {@code String} methods, for code that
 * holds headers outside a servlet response.
 *
 * @since 0.1
 */
public final class HttpCacheHeaders {
  private HttpCacheHeaders() {}

  /**
   * Merges {@code directives} into the response's {@code Cache-Control}, as Django's {@code
   * patch_cache_control}: names lowercased, the smaller {@code max-age} kept, {@code public} and
   * {@code private} exclusive, {@code no-cache} fields collected. The header is always set, to
   * {@code ""} when there are no directives at all (as {@code @cache_control()} does).
   *
   * @param response the response, not yet committed
   * @param directives the directives to merge in; {@link CacheDirectives#none()} for none
   */
  public static void patchCacheControl(HttpServletResponse response, CacheDirectives directives) {
    response.setHeader(
        "Cache-Control",
        patchCacheControl(HeaderValues.joined(response, "Cache-Control"), directives));
  }

  /**
   * {@link #patchCacheControl(HttpServletResponse, CacheDirectives)} on a header value.
   *
   * @param cacheControl the current {@code Cache-Control} value, or null when there is none
   * @param directives the directives to merge in; {@link CacheDirectives#none()} for none
   * @return the merged value; {@code ""} when there are no directives at all
   */
  public static String patchCacheControl(String cacheControl, CacheDirectives directives) {
    return CacheControlPatch.apply(cacheControl, directives);
  }

  /**
   * The {@code max-age} of the response's {@code Cache-Control} in seconds: Django's {@code
   * get_max_age}. Null when there is no header, no max-age, or it is not an integer.
   *
   * @param response the response whose headers are read
   * @return the max-age in seconds, or null when absent or not an integer
   */
  public static Long getMaxAge(HttpServletResponse response) {
    return getMaxAge(HeaderValues.joined(response, "Cache-Control"));
  }

  /**
   * {@link #getMaxAge(HttpServletResponse)} of a {@code Cache-Control} value.
   *
   * @param cacheControl a {@code Cache-Control} value, or null
   * @return the max-age in seconds, or null when {@code cacheControl} is null, has no max-age, or
   *     its max-age is not an integer
   */
  public static Long getMaxAge(String cacheControl) {
    return getSeconds(cacheControl, "max-age");
  }

  /**
   * The whole number of seconds a {@code Cache-Control} value gives the directive {@code name}
   * (lower case), as {@link #getMaxAge(String)} reads {@code max-age}: null when the value is null,
   * lacks the directive, or its value is not an integer. The last one wins.
   *
   * <pre>{@code
   * HttpCacheHeaders.getSeconds("max-age=60, stale-while-revalidate=30", "stale-while-revalidate"); // 30
   * }</pre>
   *
   * @param cacheControl a {@code Cache-Control} value, or null
   * @param directive the directive's name, in lower case
   * @return the seconds, or null when absent or not an integer
   */
  public static Long getSeconds(String cacheControl, String directive) {
    if (cacheControl == null) {
      return null;
    }
    String value = null;
    boolean found = false;
    for (String part : HeaderValues.split(cacheControl)) {
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      if (name.equals(directive)) {
        // Later duplicates win, as in Django's dict.
        found = true;
        value = eq < 0 ? null : part.substring(eq + 1);
      }
    }
    if (!found || value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Django's {@code patch_response_headers}: sets {@code Expires} to now + {@code seconds} unless
   * the response has one, and patches {@code max-age=seconds} (a negative value counts as 0).
   *
   * @param response the response, not yet committed
   * @param seconds how long the response may be cached, in seconds; a negative value counts as 0
   */
  public static void patchResponseHeaders(HttpServletResponse response, long seconds) {
    patchResponseHeaders(response, seconds, InstantSource.system());
  }

  /**
   * {@link #patchResponseHeaders(HttpServletResponse, long)} with "now" from {@code clock}.
   *
   * @param response the response, not yet committed
   * @param seconds how long the response may be cached, in seconds; a negative value counts as 0
   * @param clock where "now" comes from, e.g. the cache's {@code settings().clock()}
   */
  public static void patchResponseHeaders(
      HttpServletResponse response, long seconds, InstantSource clock) {
    long timeout = Math.max(0, seconds);
    if (!response.containsHeader("Expires")) {
      response.setHeader("Expires", HttpDates.format(clock.millis() / 1000 + timeout));
    }
    patchCacheControl(response, CacheDirectives.none().maxAge(timeout));
  }

  /**
   * Marks the response as never to be cached, as Django's {@code add_never_cache_headers}: {@code
   * Expires} now (unless set) and {@code Cache-Control: max-age=0, no-cache, no-store,
   * must-revalidate, private}.
   *
   * @param response the response, not yet committed
   */
  public static void neverCache(HttpServletResponse response) {
    neverCache(response, InstantSource.system());
  }

  /**
   * {@link #neverCache(HttpServletResponse)} with "now" from {@code clock}.
   *
   * @param response the response, not yet committed
   * @param clock where "now" comes from, for {@code Expires}
   */
  public static void neverCache(HttpServletResponse response, InstantSource clock) {
    patchResponseHeaders(response, -1, clock);
    patchCacheControl(
        response, CacheDirectives.none().noCache().noStore().mustRevalidate().privateCache());
  }

  /**
   * Adds {@code headers} to the response's {@code Vary}, as Django's {@code patch_vary_headers}:
   * existing order and case kept, names already there (in any case) skipped, and {@code *} if
   * present anywhere.
   *
   * @param response the response, not yet committed
   * @param headers the header names to add, in order; none keeps the names already there
   */
  public static void patchVary(HttpServletResponse response, String... headers) {
    response.setHeader("Vary", patchVary(HeaderValues.joined(response, "Vary"), List.of(headers)));
  }

  /**
   * {@link #patchVary(HttpServletResponse, String...)} on a {@code Vary} value.
   *
   * @param vary the current {@code Vary} value, or null when there is none
   * @param headers the header names to add, in order
   * @return the new value: {@code *} if any name is {@code *}, else the names joined by {@code
   *     ", "} ({@code ""} when there are none)
   */
  public static String patchVary(String vary, List<String> headers) {
    List<String> result = new ArrayList<>(HeaderValues.split(vary));
    Set<String> existing = new HashSet<>();
    for (String h : result) {
      existing.add(h.toLowerCase(Locale.ROOT));
    }
    for (String h : headers) {
      String name = h.strip();
      if (!existing.contains(name.toLowerCase(Locale.ROOT))) {
        result.add(name);
      }
    }
    return result.contains("*") ? "*" : String.join(", ", result);
  }

  /**
   * True if the response's {@code Vary} names {@code header} (any case, whitespace ignored).
   *
   * @param response the response whose headers are read
   * @param header a header name, e.g. {@code Cookie}
   * @return true if {@code Vary} names it; false when it does not or there is no {@code Vary}
   */
  public static boolean hasVary(HttpServletResponse response, String header) {
    return hasVary(HeaderValues.joined(response, "Vary"), header);
  }

  /**
   * {@link #hasVary(HttpServletResponse, String)} on a {@code Vary} value.
   *
   * @param vary a {@code Vary} value, or null
   * @param header a header name, e.g. {@code Cookie}
   * @return true if {@code vary} names it; false when it does not or {@code vary} is null
   */
  public static boolean hasVary(String vary, String header) {
    String query = header.strip().toLowerCase(Locale.ROOT);
    for (String h : HeaderValues.split(vary)) {
      if (h.toLowerCase(Locale.ROOT).equals(query)) {
        return true;
      }
    }
    return false;
  }
}
