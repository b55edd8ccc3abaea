package io.larder.web.session;

import io.larder.Timeout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store holds for one session. It is stored as a plain map of JDK types, so any cache's
 * serializer can write it (the {@code java} serializer's allow-list, or pickle as a Python dict).
 *
 * @param attributes the application's attributes
 * @param created when the session was created, epoch milliseconds
 * @param saved when it was last saved, epoch milliseconds
 * @param maxAgeSeconds how long it lives after {@code saved}; 0 or less: until invalidated
 */
record SessionRecord(Map<String, Object> attributes, long created, long saved, int maxAgeSeconds) {
  private static final String ATTRIBUTES = "attributes";
  private static final String CREATED = "created";
  private static final String SAVED = "saved";
  private static final String MAX_AGE = "max_age";

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
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(CREATED, created);
    map.put(SAVED, saved);
    map.put(MAX_AGE, maxAgeSeconds);
    map.put(ATTRIBUTES, new LinkedHashMap<>(attributes));
    return map;
  }

  /** The record a store read, or null if the value is not one (another program's data). */
  @SuppressWarnings("unchecked")
  static SessionRecord fromMap(Object value) {
    if (value instanceof Map<?, ?> map
        && map.get(ATTRIBUTES) instanceof Map<?, ?> attributes
        && map.get(CREATED) instanceof Number created
        && map.get(SAVED) instanceof Number saved
        && map.get(MAX_AGE) instanceof Number maxAge) {
      return new SessionRecord(
          (Map<String, Object>) attributes, created.longValue(), saved.longValue(), maxAge.intValue());
    }
    return null;
  }
}
