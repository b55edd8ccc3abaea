package io.larder.web.session;

import io.larder.Timeout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store holds for one session, in Django's own form: the session dictionary itself, the
 * application's attributes as its entries, so that a Django app sharing the cache (with the pickle
 * serializer) reads and writes the same sessions. Larder's bookkeeping rides along under keys that
 * start with {@code _larder_}, and the age goes where Django keeps one, {@code _session_expiry} (in
 * seconds). It is a plain map of JDK types, so any cache's serializer can write it.
 *
 * @param attributes the application's attributes
 * @param created when the session was created, epoch milliseconds
 * @param saved when it was last saved, epoch milliseconds
 * @param maxAgeSeconds how long it lives after {@code saved}; 0 or less: until invalidated
 */
record SessionRecord(Map<String, Object> attributes, long created, long saved, int maxAgeSeconds) {
  private static final String CREATED = "_larder_created";
  private static final String SAVED = "_larder_saved";
  private static final String MAX_AGE = "_larder_max_age";

  /** Django's: a custom age in seconds (or a datetime, which Larder leaves to the cache's TTL). */
  private static final String DJANGO_EXPIRY = "_session_expiry";

  SessionRecord {
    attributes = new LinkedHashMap<>(attributes);
  }

  boolean expiresNever() {
    return maxAgeSeconds <= 0;
  }

  /** True if the session has expired at {@code now}. */
  boolean isExpired(long now) {
    return !expiresNever() && now >= saved + maxAgeSeconds * 1000L;
  }

  /** The time left at {@code now}, as the timeout to store it with. */
  Timeout remaining(long now) {
    return expiresNever()
        ? Timeout.NEVER
        : Timeout.millis(Math.max(0, saved + maxAgeSeconds * 1000L - now));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(attributes);
    map.put(CREATED, created);
    map.put(SAVED, saved);
    map.put(MAX_AGE, maxAgeSeconds);
    if (maxAgeSeconds > 0) {
      map.put(DJANGO_EXPIRY, maxAgeSeconds);
    } else {
      map.remove(DJANGO_EXPIRY);
    }
    return map;
  }

  /**
   * The record a store read, or null if the value is not a session dictionary. A session Django
   * wrote has no {@code _larder_} entries: it counts as created and saved {@code now}, with
   * Django's {@code _session_expiry} age or {@code defaultAgeSeconds}, so the cache's own expiry
   * (Django's) decides when it ends.
   */
  static SessionRecord fromMap(Object value, long now, int defaultAgeSeconds) {
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
    int age = defaultAgeSeconds;
    if (map.get(MAX_AGE) instanceof Number larderAge) {
      age = larderAge.intValue();
    } else if (map.get(DJANGO_EXPIRY) instanceof Number djangoAge && djangoAge.intValue() > 0) {
      age = djangoAge.intValue();
    }
    return new SessionRecord(
        attributes, millis(map.get(CREATED), now), millis(map.get(SAVED), now), age);
  }

  private static long millis(Object value, long otherwise) {
    return value instanceof Number n ? n.longValue() : otherwise;
  }
}
