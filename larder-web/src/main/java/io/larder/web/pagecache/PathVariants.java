package io.larder.web.pagecache;

import io.larder.Cache;
import io.larder.CacheException;
import io.larder.Timeout;
import io.larder.spi.Md5;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * Bounds how many variants of one path the page cache stores, whatever makes them vary: the query
 * string ({@code ?q=1}, {@code ?q=2}, …), path parameters ({@code /p;w=1}), percent-encodings of
 * the path, the {@code Host}, the values of the headers the page varies on. So a flood of made-up
 * URLs cannot evict the real pages. Each path (decoded, without its parameters, whatever its host)
 * has a counter in the cache, shared by every process that shares the cache, started with the first
 * variant stored and expiring with it; once {@code limit} variants were stored in that window,
 * further ones are served but not stored until the window ends. The plain page of a path (no query
 * string, no path parameters, for a host the allowed hosts name, varying on no header) is not
 * counted ({@link PageCache#facts}, {@link PagePolicy}).
 */
final class PathVariants {
  private final Cache cache;
  private final String keyPrefix;
  private final int limit;

  PathVariants(Cache cache, String keyPrefix, int limit) {
    this.cache = cache;
    this.keyPrefix = keyPrefix;
    this.limit = limit;
  }

  /**
   * The path {@code request}'s variants are counted under: decoded, without path parameters, as
   * the container resolved it ({@code /vary} for {@code /v%61ry;w=1}).
   */
  static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getContextPath() + request.getServletPath() + (info == null ? "" : info);
  }

  /** True if {@code request}'s URL is its path's plain one: no query, parameters or encodings. */
  static boolean plainUrl(HttpServletRequest request) {
    String query = request.getQueryString();
    return (query == null || query.isEmpty()) && request.getRequestURI().equals(path(request));
  }

  /** True if a page for {@code request}, a counted variant, may be stored for {@code seconds}. */
  boolean admit(HttpServletRequest request, long seconds) {
    String counter =
        "views.decorators.cache.variants."
            + keyPrefix
            + "."
            + Md5.hex(path(request).getBytes(StandardCharsets.UTF_8));
    try {
      cache.add(counter, 0, Timeout.seconds(seconds));
      return cache.incr(counter) <= limit;
    } catch (CacheException e) {
      // The counter expired in between, or the cache failed: storing the page decides alone.
      return true;
    }
  }
}
