package io.larder.web.pagecache;

import io.larder.Cache;
import io.larder.CacheException;
import io.larder.Timeout;
import io.larder.internal.Md5;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * Bounds how many query-string variants of one path the page cache stores, so that a flood of
 * {@code ?q=1}, {@code ?q=2}, … cannot evict the real pages. Each path has a counter in the cache
 * (shared by every process that shares the cache), started with the first variant stored and
 * expiring with it; once {@code limit} variants were stored in that window, further ones are served
 * but not stored until the window ends. Only pages with a query string are counted ({@link
 * PagePolicy}).
 */
final class QueryVariants {
  /** The default limit per path and window. */
  static final int DEFAULT_LIMIT = 200;

  private final Cache cache;
  private final String keyPrefix;
  private final int limit;

  QueryVariants(Cache cache, String keyPrefix, int limit) {
    this.cache = cache;
    this.keyPrefix = keyPrefix;
    this.limit = limit;
  }

  /**
   * True if a page for {@code request}, which has a query string, may be stored for {@code
   * timeoutSeconds}.
   */
  boolean admit(HttpServletRequest request, long timeoutSeconds) {
    String counter =
        "views.decorators.cache.variants."
            + keyPrefix
            + "."
            + Md5.hex(
                (request.getServerName() + request.getRequestURI())
                    .getBytes(StandardCharsets.UTF_8));
    try {
      cache.add(counter, 0, Timeout.seconds(timeoutSeconds));
      return cache.incr(counter) <= limit;
    } catch (CacheException e) {
      // The counter expired in between, or the cache failed: storing the page decides alone.
      return true;
    }
  }
}
