package io.larder.web.session;

import io.larder.Timeout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store holds for one session, in Django's own form: the session dictionary itself, the
 * application's attributes as its entries, so that a Django app sharing the cache (with the pickle
 * serializer) reads and writes the same sessions. Larder's bookkeeping rides along under keys that
 * start with {@code _larder_}, and the age goes where Django keeps one, {@code _session_expiry} (in
 * seconds; 0 for a session that ends with the browser). It is a plain map of JDK types, so any
 * cache's serializer can write it.
 *
 * <p>As Django's {@code get_expiry_age()}: a session that ends with the browser still ends on the
 * server {@code cookieAgeSeconds} ({@code SESSION_COOKIE_AGE}) after it was saved; no session lives
 * forever.
 *
 * @param attributes the application's attributes
 * @param created when the session was created, epoch milliseconds
 * @param saved when it was last saved, epoch milliseconds
 * @param maxAgeSeconds how long it lives after {@code saved}; 0: until the browser closes
 * @param cookieAgeSeconds how long a session that ends with the browser lives on the server
 */
record SessionRecord(
    Map<String, Object> attributes,
    long created,
    long saved,
    int maxAgeSeconds,
    int cookieAgeSeconds) {
  private static final String CREATED = "_larder_created";
  private static final String SAVED = "_larder_saved";

  /**
   * Django's: a custom age in seconds, 0 for the browser session (or a datetime, which Larder
   * leaves to the cache's TTL).
   */
  private static final String DJANGO_EXPIRY = "_session_expiry";

  SessionRecord {
    attributes = new LinkedHashMap<>(attributes);
    maxAgeSeconds = Math.max(0, maxAgeSeconds);
  }

  /** True if the session's cookie ends with the browser session (Django's {@code set_expiry(0)}). */
  boolean endsWithTheBrowser() {
    return maxAgeSeconds == 0;
  }

  /** Seconds the session lives on the server after {@code saved}: Django's expiry age. */
  int lifetimeSeconds() {
    return endsWithTheBrowser() ? cookieAgeSeconds : maxAgeSeconds;
  }

  /** True if the session has expired at {@code now}. */
  boolean isExpired(long now) {
    return now >= expiresAt();
  }

  /** The time left at {@code now}, as the timeout to store it with. */
  Timeout remaining(long now) {
    return Timeout.millis(Math.max(0, expiresAt() - now));
  }

  private long expiresAt() {
    return saved + lifetimeSeconds() * 1000L;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(attributes);
    map.put(CREATED, created);
    map.put(SAVED, saved);
    map.put(DJANGO_EXPIRY, maxAgeSeconds);
    return map;
  }

  /**
   * The record a store read, or null if the value is not a session dictionary. A session Django
   * wrote has no {@code _larder_} entries: it counts as created and saved {@code now}, with
   * Django's {@code _session_expiry} age (0: until the browser closes) or {@code cookieAgeSeconds},
   * so the cache's own expiry (Django's) decides when it ends.
   */
  static SessionRecord fromMap(Object value, long now, int cookieAgeSeconds) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        return null;
      }
      if (!name.startsWith("_larder_") && !name.equals(DJANGO_EXPIRY)) {
        attributes.put(name, entry.getValue());
      }
    }
    int age =
        map.get(DJANGO_EXPIRY) instanceof Number djangoAge
            ? djangoAge.intValue()
            : cookieAgeSeconds;
    return new SessionRecord(
        attributes,
        millis(map.get(CREATED), now),
        millis(map.get(SAVED), now),
        age,
        cookieAgeSeconds);
  }

  private static long millis(Object value, long otherwise) {
    return value instanceof Number n ? n.longValue() : otherwise;
  }
}
