package io.larder.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule by which a location or URL is shown (CLI, dashboard, logs, errors, Actuator): its
 * user info and its password parameters become {@code ***}. The user info is whatever lies between
 * the scheme's {@code //} (or the start of the text, when there is no scheme) and the <em>last</em>
 * {@code @}, since a malformed password may hold {@code /}, {@code @}, {@code ?} or {@code //}
 * itself; only the user name before its first {@code :} stays. Without a scheme, the text counts as
 * user info only when it has a {@code :} in it ({@code user:pw@host}), so that a path or a name
 * with an {@code @} is shown as it is. Hiding too much is preferred to showing a secret. A backend
 * shows a URL or a handed-in object this way in its errors; {@link
 * io.larder.CacheSettings#displayLocation()} is {@code LOCATION} shown so.
 *
 * <pre>{@code
 * throw URL.invalid(settings, PasswordRedaction.apply(url), "a jdbc: URL");
 * }</pre>
 *
 * @since 0.1
 */
public final class PasswordRedaction {
  /**
   * A URL's scheme(s) up to where the user info would start: {@code redis://}, {@code
   * mongodb+srv://}, {@code jdbc:postgresql://}, and a JDBC URL's sub-protocols without {@code //}
   * ({@code jdbc:oracle:thin:scott/tiger@host}).
   */
  private static final Pattern SCHEME =
      Pattern.compile(
          "^(?:jdbc:(?:[A-Za-z][A-Za-z0-9+.\\-]*:)*(?://)?"
              + "|[A-Za-z][A-Za-z0-9+.\\-]*(?::[A-Za-z][A-Za-z0-9+.\\-]*)*://)");

  /** {@code password=}, {@code sentinel_password=}, {@code pwd=}, in URLs and JDBC parameters. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:[a-z_]*password|passwd|pwd)=)[^&;]*");

  private PasswordRedaction() {}

  /**
   * {@code text} with any password replaced by {@code ***}: {@code redis://u:pa/ss@h} is shown as
   * {@code redis://u:***@h}, {@code user:p@ss@h} as {@code user:***@h}, {@code
   * jdbc:postgresql://h/db?password=x} as {@code jdbc:postgresql://h/db?password=***}; null stays
   * null.
   *
   * @param text a location, URL or message; may be null
   * @return the text with passwords masked, or null for null
   */
  public static String apply(String text) {
    if (text == null) {
      return null;
    }
    return PASSWORD_PARAMETER.matcher(withoutUserInfo(text)).replaceAll("$1***");
  }

  private static String withoutUserInfo(String text) {
    Matcher scheme = SCHEME.matcher(text);
    int start = scheme.find() ? scheme.end() : 0;
    int at = text.lastIndexOf('@');
    if (at <= start) {
      return text;
    }
    String userInfo = text.substring(start, at);
    int colon = userInfo.indexOf(':');
    if (colon < 0 && start == 0) {
      return text;
    }
    String user = colon < 0 ? "" : userInfo.substring(0, colon + 1);
    return text.substring(0, start) + user + "***" + text.substring(at);
  }
}
