package io.larder.thymeleaf;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.FragmentCaches;
import io.larder.FragmentKeys;
import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Django's {@code {% cache %}} for Thymeleaf: an element whose {@code larder:cache} attribute names
 * a timeout, a fragment name and vary-on values is rendered once and then served from a Larder
 * cache, under the key Django's {@code make_template_fragment_key} and Larder's {@link
 * FragmentKeys} make.
 *
 * <pre>{@code
 * TemplateEngine engine = new TemplateEngine();
 * engine.addDialect(new FragmentCacheDialect(caches));
 * }</pre>
 *
 * <pre>{@code
 * <html xmlns:larder="https://larder.io/thymeleaf">
 * <aside larder:cache="500, sidebar, ${user.id}, ${lang}"> … </aside>
 * <footer larder:cache="null, 'footer'" larder:cache-using="'fragments'"> … </footer>
 * }</pre>
 *
 * <p>The arguments are those of Django's tag and Larder's Pebble tag, as Thymeleaf expressions
 * separated by commas: first the timeout in seconds ({@code null} or {@code 'None'} stores the
 * fragment forever), then the fragment's name, which must be a literal ({@code sidebar} or {@code
 * 'sidebar'}, never a variable), then any number of vary-on expressions. {@code larder:cache-using}
 * names another alias; without it, fragments go to {@code template_fragments} if it is configured,
 * otherwise to {@code default}. The element itself is always rendered; what is cached is its body.
 * A vary-on variable that is not defined varies as Django's {@code string_if_invalid} (the empty
 * string); one that holds null as {@code None}.
 *
 * <p>A fragment is rendered once per process for concurrent misses (Larder's {@code getOrSet}). A
 * cache that fails never breaks the page: the body is rendered uncached, and the failure is logged
 * and counted in {@link #failures()}. Mistakes in the template (fewer than two arguments, a
 * non-integer timeout, a name that is not a literal, an unknown alias) are errors, as in Django.
 *
 * @since 0.1
 */
public final class FragmentCacheDialect extends AbstractProcessorDialect {
  /** The attribute prefix: {@code larder:cache}. */
  public static final String PREFIX = "larder";

  /** The alias used when it is configured and the element names none, as in Django. */
  public static final String FRAGMENT_ALIAS = FragmentCaches.FRAGMENT_ALIAS;

  /**
   * Runs after Thymeleaf's {@code th:each} (200), {@code th:if} (300) and {@code th:with} (600), so
   * each iteration is its own fragment and the vary-on values see local variables, and after {@code
   * th:inline} (1000), so that the stored fragment is never inlined a second time. Processors are
   * ordered by their dialect's precedence first, so the dialect shares the standard dialect's.
   */
  static final int PRECEDENCE = 1100;

  private static final int DIALECT_PRECEDENCE = 1000;

  private final FragmentCaches fragments;

  /**
   * Fragments stored in {@code caches} under Django 6.1's keys ({@link FragmentKeys#CURRENT}).
   *
   * @param caches the caches the elements name ({@code larder:cache-using}) or fall back to
   */
  public FragmentCacheDialect(Caches caches) {
    this(caches, FragmentKeys.CURRENT);
  }

  /**
   * Fragments stored under {@code keys}' format: {@link FragmentKeys#DJANGO_6_0} shares fragments
   * with a Django 6.0 or older application.
   *
   * @param caches the caches the elements name ({@code larder:cache-using}) or fall back to
   * @param keys the key format fragments are stored under
   */
  public FragmentCacheDialect(Caches caches, FragmentKeys keys) {
    super("Larder fragment cache", PREFIX, DIALECT_PRECEDENCE);
    this.fragments = new FragmentCaches(caches, keys);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new CacheAttributeProcessor(TemplateMode.HTML, dialectPrefix, this),
        new CacheAttributeProcessor(TemplateMode.XML, dialectPrefix, this));
  }

  /**
   * Fragments rendered uncached because their cache failed, since this dialect was made.
   *
   * @return how many fragments were rendered without their cache
   */
  public long failures() {
    return fragments.failures();
  }

  /**
   * The cache an element without {@code larder:cache-using} stores fragments in: {@code
   * template_fragments} if configured, otherwise {@code default}. With {@link #keys()}, code can
   * delete a fragment: {@code dialect.cache().delete(FragmentKeys.make("sidebar", 42, "en"))}.
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

  /** Where this dialect's elements store fragments and count failures. */
  FragmentCaches fragments() {
    return fragments;
  }
}
