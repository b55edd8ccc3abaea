package io.larder.pebble;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.FragmentCaches;
import io.larder.FragmentKeys;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.List;

/**
 * Django's {@code {% cache %}} tag for Pebble, replacing Pebble's own {@code cache} tag:
 *
 * <pre>{@code
 * PebbleEngine engine = new PebbleEngine.Builder()
 *     .extension(new FragmentCacheExtension(caches))
 *     .build();
 * }</pre>
 *
 * <pre>
 * {% cache 500 "sidebar" user.id lang %} … {% endcache %}
 * {% cache None "footer" using="fragments" %} … {% endcache %}
 * </pre>
 *
 * <p>The first argument is the timeout in seconds, an expression ({@code None} or {@code null}
 * stores the fragment forever); the second the fragment's name, taken literally (quoted or not,
 * never a variable); then any number of vary-on expressions, and last, optionally, {@code
 * using=<alias>}. Without {@code using}, fragments go to the cache {@code template_fragments} if it
 * is configured, otherwise to {@code default}. The fragment is stored under {@link
 * FragmentKeys#make}'s key, so code can invalidate it: {@code
 * cache.delete(FragmentKeys.make("sidebar", 42, "en"))}.
 *
 * <p>A fragment is rendered once per process for concurrent misses (the other renders wait for it),
 * where Django renders it in every request that misses. A cache that fails (a server down, a key it
 * rejects) never breaks the page: the fragment is rendered uncached, and the failure is logged and
 * counted in {@link #failures()}. Mistakes in the template (a non-integer timeout, an unknown
 * {@code using} alias, an undefined timeout variable) are errors, as in Django.
 *
 * @since 0.1
 */
public final class FragmentCacheExtension extends AbstractExtension {
  /** The alias used when it is configured and the tag names none, as in Django. */
  public static final String FRAGMENT_ALIAS = FragmentCaches.FRAGMENT_ALIAS;

  private final FragmentCaches fragments;

  /**
   * Fragments stored in {@code caches} under Django 6.1's keys ({@link FragmentKeys#CURRENT}).
   *
   * @param caches the caches the tags name ({@code using}) or fall back to
   */
  public FragmentCacheExtension(Caches caches) {
    this(caches, FragmentKeys.CURRENT);
  }

  /**
   * Fragments stored under {@code keys}' format: {@link FragmentKeys#DJANGO_6_0} shares fragments
   * with a Django 6.0 or older application.
   *
   * @param caches the caches the tags name ({@code using}) or fall back to
   * @param keys the key format fragments are stored under
   */
  public FragmentCacheExtension(Caches caches, FragmentKeys keys) {
    this.fragments = new FragmentCaches(caches, keys);
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    return List.of(new CacheTagParser(this));
  }

  /**
   * Fragments rendered uncached because their cache failed, since this extension was made.
   *
   * @return how many fragments were rendered without their cache
   */
  public long failures() {
    return fragments.failures();
  }

  /**
   * The cache a tag without {@code using} stores fragments in: {@code template_fragments} if
   * configured, otherwise {@code default}. With {@link #keys()}, code can look up or delete a
   * fragment: {@code extension.cache().delete(extension.keys().key("sidebar", List.of(42)))}.
   *
   * @return the fragments' default cache
   */
  public Cache cache() {
    return fragments.cache();
  }

  /**
   * The key format fragments are stored under.
   *
   * @return the key format given at construction, or {@link FragmentKeys#CURRENT}
   */
  public FragmentKeys keys() {
    return fragments.keys();
  }

  /** Where this extension's tags store fragments and count failures. */
  FragmentCaches fragments() {
    return fragments;
  }
}
