package io.larder.web.headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code Cache-Control} directives to merge into a response: the keyword arguments of Django's
 * {@code patch_cache_control} and {@code @cache_control}. Immutable; each method returns a copy
 * with one more directive, in the order given.
 *
 * <pre>{@code
 * CacheDirectives d = CacheDirectives.none().publicCache().maxAge(3600);
 * HttpCacheHeaders.patchCacheControl(response, d);     // Cache-Control: public, max-age=3600
 * CacheDirectives.parse("private, no-cache=Set-Cookie"); // the form of an init-param
 * }</pre>
 *
 * <p>Names are kept as given (Django does not lowercase keyword names); a directive is either bare
 * ({@link #flag(String)}) or has a value ({@link #value(String, Object)}). {@code no-cache} may be
 * given several times, each with a field name; a bare {@code no-cache} supersedes them all.
 *
 * @since 0.1
 */
public final class CacheDirectives {
  /** One directive: a bare one has a null value. */
  record Directive(String name, String value) {}

  private static final CacheDirectives NONE = new CacheDirectives(List.of());

  private final List<Directive> directives;

  private CacheDirectives(List<Directive> directives) {
    this.directives = directives;
  }

  /**
   * No directives: {@code patchCacheControl} with these only normalises the header.
   *
   * @return the empty set of directives, to add to
   */
  public static CacheDirectives none() {
    return NONE;
  }

  /**
   * The directives of a {@code Cache-Control} value, e.g. {@code "public, max-age=600"}; names are
   * lowercased as Django's header parser does.
   *
   * @param header a {@code Cache-Control} value; null or empty gives {@link #none()}'s equal
   * @return the directives in the value's order
   * @throws IllegalArgumentException if a directive has an empty name
   */
  public static CacheDirectives parse(String header) {
    List<Directive> parsed = new ArrayList<>();
    for (String part : HeaderValues.split(header)) {
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "Cache-Control directive without a name in '" + header + "'");
      }
      parsed.add(new Directive(name, eq < 0 ? null : part.substring(eq + 1)));
    }
    return new CacheDirectives(Collections.unmodifiableList(parsed));
  }

  /**
   * {@code max-age=seconds}; when the response already has a smaller max-age, that one stays.
   *
   * @param seconds how long the response is fresh, in seconds
   * @return a copy with the directive added
   */
  public CacheDirectives maxAge(long seconds) {
    return value("max-age", seconds);
  }

  /**
   * {@code public}; removes an existing {@code private} from the response.
   *
   * @return a copy with the directive added
   */
  public CacheDirectives publicCache() {
    return flag("public");
  }

  /**
   * {@code private}; removes an existing {@code public} from the response.
   *
   * @return a copy with the directive added
   */
  public CacheDirectives privateCache() {
    return flag("private");
  }

  /**
   * A bare {@code no-cache}.
   *
   * @return a copy with the directive added
   */
  public CacheDirectives noCache() {
    return flag("no-cache");
  }

  /**
   * {@code no-cache=field}, added to any other {@code no-cache} fields.
   *
   * @param field a response header name, e.g. {@code Set-Cookie}; not null
   * @return a copy with the directive added
   */
  public CacheDirectives noCache(String field) {
    return value("no-cache", field);
  }

  /**
   * {@code no-store}.
   *
   * @return a copy with the directive added
   */
  public CacheDirectives noStore() {
    return flag("no-store");
  }

  /**
   * {@code must-revalidate}.
   *
   * @return a copy with the directive added
   */
  public CacheDirectives mustRevalidate() {
    return flag("must-revalidate");
  }

  /**
   * A bare directive, e.g. {@code flag("no-transform")}.
   *
   * @param name the directive's name, kept as given but stripped; not empty, without {@code ,} or
   *     {@code =}
   * @return a copy with the directive added
   * @throws IllegalArgumentException when {@code name} is empty or holds {@code ,} or {@code =}
   */
  public CacheDirectives flag(String name) {
    return with(new Directive(checkName(name), null));
  }

  /**
   * A directive with a value, written {@code name=value}, e.g. {@code value("s-maxage", 60)}.
   *
   * @param name the directive's name, kept as given but stripped; not empty, without {@code ,} or
   *     {@code =}
   * @param value written with {@link String#valueOf(Object)}; not null
   * @return a copy with the directive added
   * @throws IllegalArgumentException when {@code name} is empty or holds {@code ,} or {@code =}
   */
  public CacheDirectives value(String name, Object value) {
    Objects.requireNonNull(value, "value");
    return with(new Directive(checkName(name), String.valueOf(value)));
  }

  List<Directive> list() {
    return directives;
  }

  /**
   * True if there are no directives.
   *
   * @return whether there are none
   */
  public boolean isEmpty() {
    return directives.isEmpty();
  }

  private CacheDirectives with(Directive directive) {
    List<Directive> copy = new ArrayList<>(directives);
    copy.add(directive);
    return new CacheDirectives(Collections.unmodifiableList(copy));
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    String stripped = name.strip();
    if (stripped.isEmpty() || stripped.indexOf(',') >= 0 || stripped.indexOf('=') >= 0) {
      throw new IllegalArgumentException("Not a Cache-Control directive name: '" + name + "'");
    }
    return stripped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheDirectives other && directives.equals(other.directives);
  }

  @Override
  public int hashCode() {
    return directives.hashCode();
  }

  /** The directives as a header value, e.g. {@code public, max-age=3600}. */
  @Override
  public String toString() {
    return CacheControlPatch.apply(null, this);
  }
}
