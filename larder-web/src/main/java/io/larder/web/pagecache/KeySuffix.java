package io.larder.web.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Django's {@code USE_I18N}/{@code USE_TZ} page-key suffix: the request's language (and a time zone
 * the application names) appended to both page-cache keys, so that per-language pages are cached
 * apart without {@code Vary: Accept-Language}. With the language in the key, {@code
 * Accept-Language} is left out of the learned header list, as Django does.
 *
 * <pre>{@code
 * KeySuffix.none();                                          // Django with USE_I18N = USE_TZ = False
 * KeySuffix.language();                                      // ".en-us": request.getLocale()
 * KeySuffix.language().andZone(r -> userZone(r));            // ".en-us.Europe/Paris"
 * KeySuffix.language(r -> (String) r.getAttribute("lang"));  // the application's own resolution
 * }</pre>
 *
 * @since 0.1
 */
public final class KeySuffix {
  private static final KeySuffix NONE = new KeySuffix(null, null);

  private final Function<HttpServletRequest, String> language;
  private final Function<HttpServletRequest, String> zone;

  private KeySuffix(
      Function<HttpServletRequest, String> language, Function<HttpServletRequest, String> zone) {
    this.language = language;
    this.zone = zone;
  }

  /** No suffix (Django's default when neither USE_I18N nor USE_TZ is set). */
  public static KeySuffix none() {
    return NONE;
  }

  /**
   * The language the container resolved from {@code Accept-Language} ({@code getLocale()}), as a
   * lower-case tag like Django's language codes: {@code en}, {@code en-us}, {@code pt-br}.
   */
  public static KeySuffix language() {
    return language(r -> r.getLocale().toLanguageTag().toLowerCase(Locale.ROOT));
  }

  /** The language code {@code language} resolves for a request (never null). */
  public static KeySuffix language(Function<HttpServletRequest, String> language) {
    return new KeySuffix(Objects.requireNonNull(language, "language"), null);
  }

  /** No language, the time zone {@code zone} names for a request, e.g. {@code UTC}. */
  public static KeySuffix zone(Function<HttpServletRequest, String> zone) {
    return new KeySuffix(null, Objects.requireNonNull(zone, "zone"));
  }

  /** This suffix followed by the time zone {@code zone} names for a request (USE_TZ). */
  public KeySuffix andZone(Function<HttpServletRequest, String> zone) {
    return new KeySuffix(language, Objects.requireNonNull(zone, "zone"));
  }

  /** True if the language is in the key (then Accept-Language is not in the header list). */
  boolean hasLanguage() {
    return language != null;
  }

  /** ".language.zone", ".language", ".zone" or "" for {@code request}. */
  String of(HttpServletRequest request) {
    if (this == NONE) {
      return "";
    }
    StringBuilder suffix = new StringBuilder();
    if (language != null) {
      suffix.append('.').append(language.apply(request));
    }
    if (zone != null) {
      suffix.append('.').append(zone.apply(request));
    }
    return suffix.toString();
  }
}
