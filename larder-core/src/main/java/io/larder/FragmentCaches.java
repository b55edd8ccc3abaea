package io.larder;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where Django's {@code {% cache %}} stores template fragments, for every template engine Larder
 * serves (Pebble's tag, Thymeleaf's dialect): the {@code template_fragments} alias when configured,
 * else {@code default}; the key format; and how many fragments were rendered uncached because
 * their cache failed.
 *
 * <pre>{@code
 * FragmentCaches fragments = new FragmentCaches(caches, FragmentKeys.CURRENT);
 * fragments.cache().delete(FragmentKeys.make("sidebar", 42, "en"));
 * }</pre>
 *
 * @since 0.1
 */
public final class FragmentCaches {
  /** The alias used when it is configured and the template names none, as in Django. */
  public static final String FRAGMENT_ALIAS = "template_fragments";

  private final Caches caches;
  private final FragmentKeys keys;
  private final LongAdder failures = new LongAdder();

  /**
   * Fragments stored in {@code caches} under {@code keys}' format.
   *
   * @param caches the configured caches; not null, and closed by their owner, not by this
   * @param keys the key format of the Django version the templates share fragments with; not null
   */
  public FragmentCaches(Caches caches, FragmentKeys keys) {
    this.caches = Objects.requireNonNull(caches, "caches");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * The cache a template that names none stores fragments in.
   *
   * @return the {@code template_fragments} cache if it is configured, else the {@code default} one
   */
  public Cache cache() {
    return hasCache(FRAGMENT_ALIAS) ? caches.get(FRAGMENT_ALIAS) : caches.getDefault();
  }

  /**
   * The cache a template names with {@code using}.
   *
   * @param alias the alias the template names
   * @return the cache configured as {@code alias}
   * @throws InvalidConfigurationException if there is no such alias
   */
  public Cache cache(String alias) {
    return caches.get(alias);
  }

  /**
   * Whether {@code alias} is configured.
   *
   * @param alias the alias to look for
   * @return true if {@code alias} is configured, false otherwise
   */
  public boolean hasCache(String alias) {
    return caches.aliases().contains(alias);
  }

  /**
   * The key format fragments are stored under.
   *
   * @return the format given at construction
   */
  public FragmentKeys keys() {
    return keys;
  }

  /**
   * The key of fragment {@code fragmentName} for these vary-on values.
   *
   * @param fragmentName the name the {@code cache} tag gives the fragment; not null
   * @param varyOn the tag's vary-on values, in order; not null, and may be empty
   * @return the key, before the cache's key function applies {@code key_prefix} and version
   */
  public String key(String fragmentName, List<Object> varyOn) {
    return keys.key(fragmentName, varyOn);
  }

  /** Counts a fragment rendered uncached because its cache failed. */
  public void failed() {
    failures.increment();
  }

  /**
   * Fragments rendered uncached because their cache failed, since this was made.
   *
   * @return the count of {@link #failed()} calls since construction
   */
  public long failures() {
    return failures.sum();
  }
}
