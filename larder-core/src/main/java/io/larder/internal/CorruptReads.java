package io.larder.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports stored values that cannot be read: one warning per key per {@link #INTERVAL_MILLIS}, so
 * that a hostile or corrupt entry read on every request does not flood the log. The keys
 * remembered are bounded: a flood of distinct corrupt keys costs a warning each, never memory.
 */
final class CorruptReads {
  static final long INTERVAL_MILLIS = 60_000;
  private static final int MAX_REMEMBERED = 1024;
  private static final Logger log = LoggerFactory.getLogger(CorruptReads.class);

  private final String alias;
  private final InstantSource clock;
  private final Map<String, Long> lastLogged =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  CorruptReads(String alias, InstantSource clock) {
    this.alias = alias;
    this.clock = clock;
  }

  /** Logs that the value under {@code key} cannot be read, unless it was logged lately. */
  void report(String key, Throwable cause) {
    long now = clock.millis();
    synchronized (lastLogged) {
      Long last = lastLogged.get(key);
      if (last != null && now - last < INTERVAL_MILLIS) {
        return;
      }
      lastLogged.put(key, now);
    }
    log.warn(
        "Cache '{}': the value under {} cannot be read and is treated as a miss: {}",
        alias,
        KeyRules.quote(key),
        cause.getMessage() != null ? cause.getMessage() : cause.toString());
  }
}
