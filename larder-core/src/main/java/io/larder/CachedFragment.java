package io.larder;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every template engine's {@code {% cache %}} tag gets its fragment: from the cache, or
 * rendered once per process for concurrent misses and stored; a cache that fails never breaks the
 * page, the fragment is rendered uncached and the failure logged and counted.
 *
 * <pre>{@code
 * String html = CachedFragment.getOrRender(
 *     fragments, cache, fragments.key("sidebar", varyOn), FragmentTimeout.of(500),
 *     () -> renderBody(), "fragment 'sidebar' of page.html");
 * }</pre>
 *
 * @since 0.1
 */
public final class CachedFragment {
  private static final Logger LOG = LoggerFactory.getLogger(CachedFragment.class);

  private CachedFragment() {}

  /**
   * The fragment stored under {@code key} in {@code cache}, or {@code render}'s, stored for {@code
   * expiry}. When the cache fails, the fragment is rendered (at most once for this call), the
   * failure is counted in {@code fragments} and logged with {@code where}.
   *
   * @param fragments the fragments' caches, which count the failures
   * @param cache the cache the tag names, or the fragments' default
   * @param key the fragment's key ({@link FragmentCaches#key})
   * @param expiry how long the fragment is kept ({@link FragmentTimeout#of})
   * @param render renders the fragment's body; its unchecked exceptions pass through
   * @param where the fragment and its template, for the log: {@code "fragment 'sidebar' of x.html"}
   * @return the fragment's text
   */
  public static String getOrRender(
      FragmentCaches fragments,
      Cache cache,
      String key,
      Timeout expiry,
      Supplier<String> render,
      String where) {
    String[] rendered = new String[1];
    try {
      return cache.getOrSet(
          key,
          () -> {
            rendered[0] = render.get();
            return rendered[0];
          },
          expiry);
    } catch (CacheException e) {
      fragments.failed();
      LOG.warn(
          "Cache '{}' failed for {}, rendered uncached: {}",
          cache.settings().alias(),
          where,
          e.toString());
      return rendered[0] != null ? rendered[0] : render.get();
    }
  }
}
