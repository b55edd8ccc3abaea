package io.larder.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides whether a warning about a key is logged now: once per key per {@link #INTERVAL_MILLIS},
 * so that a bad key or a corrupt entry met on every request does not flood the log. The keys
 * remembered are bounded: a flood of distinct keys costs a warning each, never memory.
 */
final class OncePerKey {
  static final long INTERVAL_MILLIS = 60_000;
  private static final int MAX_REMEMBERED = 1024;

  private final InstantSource clock;
  private final Map<String, Long> lastLogged =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  OncePerKey(InstantSource clock) {
    this.clock = clock;
  }

  /** True if nothing was logged about {@code key} within the interval; it is then remembered. */
  boolean due(String key) {
    long now = clock.millis();
    synchronized (lastLogged) {
      Long last = lastLogged.get(key);
      if (last != null && now - last < INTERVAL_MILLIS) {
        return false;
      }
      lastLogged.put(key, now);
      return true;
    }
  }
}
