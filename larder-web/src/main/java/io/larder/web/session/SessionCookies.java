package io.larder.web.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Set-Cookie} values of the session cookie, in Django's attribute order. */
final class SessionCookies {
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final SessionSettings settings;

  SessionCookies(SessionSettings settings) {
    this.settings = settings;
  }

  /**
   * The cookie that carries {@code key}; it expires with the session ({@code maxAgeSeconds} after
   * {@code now}), or with the browser session when the age is 0 or less or {@code
   * expire_at_browser_close} is set.
   */
  String session(String key, int maxAgeSeconds, long now) {
    boolean persistent = maxAgeSeconds > 0 && !settings.expireAtBrowserClose();
    return cookie(
        key, persistent ? Instant.ofEpochMilli(now).plusSeconds(maxAgeSeconds) : null,
        persistent ? maxAgeSeconds : -1, settings.cookieHttpOnly());
  }

  /** The cookie that deletes the session cookie (Django's {@code delete_cookie}). */
  String deletion() {
    return cookie("", Instant.EPOCH, 0, false);
  }

  private String cookie(String value, Instant expires, long maxAge, boolean httpOnly) {
    StringBuilder c = new StringBuilder(settings.cookieName()).append('=').append(value);
    settings.cookieDomain().ifPresent(d -> c.append("; Domain=").append(d));
    if (expires != null) {
      c.append("; expires=").append(EXPIRES.format(expires));
    }
    if (httpOnly) {
      c.append("; HttpOnly");
    }
    if (maxAge >= 0) {
      c.append("; Max-Age=").append(maxAge);
    }
    c.append("; Path=").append(settings.cookiePath());
    settings.cookieSameSite().ifPresent(s -> c.append("; SameSite=").append(s));
    if (settings.cookieSecure()) {
      c.append("; Secure");
    }
    return c.toString();
  }
}
