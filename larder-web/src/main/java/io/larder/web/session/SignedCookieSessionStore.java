package io.larder.web.session;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Django's {@code signed_cookies} session engine: the session lives in its cookie, the cookie's
 * value being the session dictionary signed as Django signs it (salt {@code
 * django.contrib.sessions.backends.signed_cookies}, JSON, compressed, timestamped). Nothing is
 * stored on the server, so every save makes a new cookie value, and a session can be neither
 * deleted nor looked up by key from elsewhere: a logout only drops the cookie.
 */
final class SignedCookieSessionStore implements SessionStore {
  static final String SALT = "django.contrib.sessions.backends.signed_cookies";

  /** Browsers keep a cookie of at most about 4 KB; a longer value cannot be a session of ours. */
  private static final int MAX_COOKIE = 4096;

  private final DjangoSigning signing;
  private final InstantSource clock;
  private final int ageSeconds;
  private final SessionRejections rejections;

  SignedCookieSessionStore(
      String secretKey,
      List<String> fallbackKeys,
      InstantSource clock,
      int ageSeconds,
      SessionRejections rejections) {
    this.signing = new DjangoSigning(secretKey, fallbackKeys, SALT);
    this.clock = clock;
    this.ageSeconds = ageSeconds;
    this.rejections = rejections;
  }

  /** Django's {@code signing.loads(cookie, max_age=SESSION_COOKIE_AGE)}. */
  @Override
  public SessionRecord load(String cookie) {
    Instant now = clock.instant();
    try {
      SessionRecord record =
          SessionRecord.fromMap(
              signing.loads(cookie, now.getEpochSecond(), ageSeconds),
              now.toEpochMilli(),
              ageSeconds);
      if (record.isExpired(now.toEpochMilli())) {
        rejections.expired("session cookie", "its session's age has passed");
        return null;
      }
      return record;
    } catch (DjangoSigning.Rejected e) {
      rejections.rejected("session cookie", e);
      return null;
    }
  }

  /** Nothing to store: the cookie is the session. */
  @Override
  public boolean create(String key, SessionRecord record) {
    return true;
  }

  @Override
  public boolean update(String key, SessionRecord record) {
    return true;
  }

  /** Nothing to delete: the response drops the cookie. */
  @Override
  public void delete(String key) {}

  @Override
  public boolean failsOpen() {
    return false;
  }

  @Override
  public boolean isWellFormed(String cookie) {
    if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_COOKIE) {
      return false;
    }
    for (int i = 0; i < cookie.length(); i++) {
      char c = cookie.charAt(i);
      boolean base64 =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!base64 && c != '-' && c != '_' && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Django's {@code _get_session_key()}: the signed session, re-signed at every save. */
  @Override
  public String keyAfterSave(String key, SessionRecord record) {
    return signing.dumps(record.toMap(), clock.instant().getEpochSecond());
  }
}
