package io.larder.web.pagecache;

import io.larder.web.headers.HeaderValues;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Django's {@code USE_I18N}/{@code USE_TZ} page-key suffix: the language the application resolved
 * for a request (and a time zone the application names) appended to both page-cache keys, so that
 * per-language pages are cached apart without {@code Vary: Accept-Language}. With the language in
 * the key, {@code Accept-Language} is left out of the learned header list, as Django does.
 *
 * <pre>{@code
 * KeySuffix.none();                                    // Django with USE_I18N = USE_TZ = False
 * KeySuffix.languages("en", "fr", "de");               // ".fr" for "de-ch;q=0.5, fr"
 * KeySuffix.languages("en", "fr").andZone(r -> "UTC"); // ".en.UTC"
 * KeySuffix.language(r -> localeResolver.resolveLocale(r).toLanguageTag()); // the application's
 * }</pre>
 *
 * <p>The key's language is the one the application renders the page in, never the raw header: as
 * Django keys on the language its {@code LocaleMiddleware} activated, which is always one of the
 * site's {@code LANGUAGES}. {@link #languages(String...)} resolves it as that middleware does;
 * {@link #language(Function)} takes the application's own resolution (a Spring {@code
 * LocaleResolver}, a language cookie), which must name one of the site's languages. Either way a
 * response whose {@code Content-Language} names another language than its key is not stored, and
 * a request for which the application names no valid language code is not cached, so a client's
 * header can neither put one language's page under another's key nor mint keys of its own.
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

  /**
   * No suffix (Django's default when neither USE_I18N nor USE_TZ is set).
   *
   * @return the empty suffix
   */
  public static KeySuffix none() {
    return NONE;
  }

  /**
   * The site's languages, Django's {@code LANGUAGES} with its {@code LANGUAGE_CODE} first (the
   * default): each request is keyed on the one Django's {@code LocaleMiddleware} picks from its
   * {@code Accept-Language}, as lower-case codes like {@code en}, {@code pt-br}; a client naming
   * none of them gets the default.
   *
   * @param codes the site's language codes, the default first, e.g. {@code "en", "fr", "pt-br"}
   * @return the suffix of the language {@code LocaleMiddleware} would pick
   * @throws IllegalArgumentException when {@code codes} is empty or holds something that is not a
   *     language code
   */
  public static KeySuffix languages(String... codes) {
    return languages(List.of(codes));
  }

  /**
   * {@link #languages(String...)} from a list, e.g. a setting.
   *
   * @param codes the site's language codes, the default first
   * @return the suffix of the language {@code LocaleMiddleware} would pick
   * @throws IllegalArgumentException when {@code codes} is empty or holds something that is not a
   *     language code
   */
  public static KeySuffix languages(List<String> codes) {
    return new KeySuffix(SupportedLanguages.of(codes), null);
  }

  /**
   * The language code {@code language} resolves for a request, the application's own resolution:
   * one of its languages (never the raw header), in any case (it is lowercased). A request for
   * which it returns null or no language code is not cached.
   *
   * @param language gives a request's language code, or null for none; called on every request,
   *     so cheap and thread-safe; not null
   * @return the suffix of the language {@code language} gives
   */
  public static KeySuffix language(Function<HttpServletRequest, String> language) {
    return new KeySuffix(Objects.requireNonNull(language, "language"), null);
  }

  /**
   * No language, the time zone {@code zone} names for a request, e.g. {@code UTC}.
   *
   * @param zone gives a request's time-zone name; called on every request, so cheap and
   *     thread-safe; not null
   * @return the suffix of the time zone alone
   */
  public static KeySuffix zone(Function<HttpServletRequest, String> zone) {
    return new KeySuffix(null, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * This suffix followed by the time zone {@code zone} names for a request (USE_TZ).
   *
   * @param zone gives a request's time-zone name; called on every request, so cheap and
   *     thread-safe; not null
   * @return a new suffix with this one's language and {@code zone}; this one is unchanged
   */
  public KeySuffix andZone(Function<HttpServletRequest, String> zone) {
    return new KeySuffix(language, Objects.requireNonNull(zone, "zone"));
  }

  /** True if the language is in the key (then Accept-Language is not in the header list). */
  boolean hasLanguage() {
    return language != null;
  }

  /**
   * The lower-case language code in {@code request}'s key, null when the key has no language or the
   * application named no language code for it.
   */
  String languageOf(HttpServletRequest request) {
    if (language == null) {
      return null;
    }
    String code = language.apply(request);
    return code != null && SupportedLanguages.LANGUAGE_CODE.matcher(code).matches()
        ? code.toLowerCase(Locale.ROOT)
        : null;
  }

  /**
   * ".language.zone", ".language", ".zone" or "" for {@code request}.
   *
   * @throws IllegalStateException when the language is in the key and the application named no
   *     language code for {@code request}
   */
  String of(HttpServletRequest request) {
    if (this == NONE) {
      return "";
    }
    StringBuilder suffix = new StringBuilder();
    if (language != null) {
      String code = languageOf(request);
      if (code == null) {
        throw new IllegalStateException(
            "KeySuffix: the application named no language code for "
                + request.getRequestURI()
                + "; such a request has no page key");
      }
      suffix.append('.').append(code);
    }
    if (zone != null) {
      suffix.append('.').append(zone.apply(request));
    }
    return suffix.toString();
  }

  /**
   * True if a {@code Content-Language} value names the key's language {@code code}: one of its
   * tags is that language, a regional form of it, or its generic form ({@code fr-FR} for {@code
   * fr}, {@code en} for {@code en-us}).
   */
  static boolean sameLanguage(String code, String contentLanguage) {
    for (String tag : HeaderValues.split(contentLanguage)) {
      String lower = tag.toLowerCase(Locale.ROOT);
      if (lower.equals(code) || lower.startsWith(code + "-") || code.startsWith(lower + "-")) {
        return true;
      }
    }
    return false;
  }
}
