package io.larder.web.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's languages (Django's {@code LANGUAGES}, its {@code LANGUAGE_CODE} first) and the one
 * Django's {@code LocaleMiddleware} picks for a request from {@code Accept-Language}: the
 * client's choices in order of their {@code q}, each taken as it is, then by its more generic
 * forms ({@code de-at}, then {@code de}), then as any regional form of its language the site has
 * ({@code fr} gives {@code fr-ca}); {@code *} or the end of the list gives the default. So a
 * request can only ever name one of the site's languages, whatever its header says. Django's
 * special fallbacks ({@code zh-cn} read as {@code zh-hans}), its language cookie and URL prefixes
 * are the application's to resolve, with {@link KeySuffix#language(Function)}.
 */
final class SupportedLanguages implements Function<HttpServletRequest, String> {
  /** Django's {@code LANGUAGE_CODE_MAX_LENGTH}: longer headers are cut at a comma before it. */
  static final int MAX_HEADER_LENGTH = 500;

  /** Django's {@code language_code_re}. */
  static final Pattern LANGUAGE_CODE =
      Pattern.compile(
          "[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?", Pattern.CASE_INSENSITIVE);

  /** Django's {@code accept_language_re}: one language range, its weight, its separator. */
  private static final Pattern RANGE =
      Pattern.compile(
          "([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)"
              + "(?:\\s*;\\s*q=(0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?))?"
              + "(?:\\s*,\\s*|$)");

  private record Choice(String language, double q) {}

  private final List<String> codes;

  private SupportedLanguages(List<String> codes) {
    this.codes = codes;
  }

  /**
   * The languages {@code codes}, the first being the default.
   *
   * @throws IllegalArgumentException naming the setting when the list is empty or a code is not a
   *     language code
   */
  static SupportedLanguages of(List<String> codes) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(
          "languages must name at least one language code (the first is the default), e.g. en");
    }
    List<String> lower = new ArrayList<>();
    for (String code : codes) {
      if (code == null || !LANGUAGE_CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "languages: '" + code + "' is not a language code; accepted: codes such as en, pt-br");
      }
      lower.add(code.toLowerCase(Locale.ROOT));
    }
    return new SupportedLanguages(List.copyOf(lower));
  }

  @Override
  public String apply(HttpServletRequest request) {
    return resolve(request.getHeader("Accept-Language"));
  }

  /** The site's language for an {@code Accept-Language} value (null: the default). */
  String resolve(String acceptLanguage) {
    for (Choice choice : parse(acceptLanguage == null ? "" : acceptLanguage)) {
      if (choice.language().equals("*")) {
        break;
      }
      String supported = variant(choice.language());
      if (supported != null) {
        return supported;
      }
    }
    return codes.get(0);
  }

  /** Django's {@code get_supported_language_variant}, not strict; null when none fits. */
  private String variant(String language) {
    List<String> possible = new ArrayList<>();
    possible.add(language);
    int dash = language.lastIndexOf('-');
    while (dash > 0) {
      possible.add(language.substring(0, dash));
      dash = language.lastIndexOf('-', dash - 1);
    }
    for (String code : possible) {
      if (codes.contains(code)) {
        return code;
      }
    }
    String generic = possible.get(possible.size() - 1);
    for (String code : codes) {
      if (code.startsWith(generic + "-")) {
        return code;
      }
    }
    return null;
  }

  /**
   * Django's {@code parse_accept_lang_header}: the ranges by falling weight (stable), none when
   * the value is malformed anywhere; a value over {@link #MAX_HEADER_LENGTH} is read up to its last
   * comma before that length, or not at all.
   */
  private static List<Choice> parse(String header) {
    String value = header;
    if (value.length() > MAX_HEADER_LENGTH) {
      int comma = value.lastIndexOf(',', MAX_HEADER_LENGTH - 1);
      if (comma <= 0) {
        return List.of();
      }
      value = value.substring(0, comma);
    }
    value = value.toLowerCase(Locale.ROOT);
    List<Choice> choices = new ArrayList<>();
    Matcher m = RANGE.matcher(value);
    int at = 0;
    while (at < value.length()) {
      m.region(at, value.length());
      if (!m.lookingAt() || m.end() == at) {
        return List.of();
      }
      String q = m.group(2);
      choices.add(new Choice(m.group(1), q == null ? 1.0 : Double.parseDouble(q)));
      at = m.end();
    }
    choices.sort(Comparator.comparingDouble(Choice::q).reversed());
    return choices;
  }
}
