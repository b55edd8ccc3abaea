package io.larder.internal;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports stored values that cannot be read: one warning per key per {@link
 * OncePerKey#INTERVAL_MILLIS}, so that a hostile or corrupt entry read on every request does not
 * flood the log.
 */
final class CorruptReads {
  private static final Logger log = LoggerFactory.getLogger(CorruptReads.class);

  private final String alias;
  private final OncePerKey gate;

  CorruptReads(String alias, InstantSource clock) {
    this.alias = alias;
    this.gate = new OncePerKey(clock);
  }

  /** Logs that the value under {@code key} cannot be read, unless it was logged lately. */
  void report(String key, Throwable cause) {
    if (!gate.due(key)) {
      return;
    }
    log.warn(
        "Cache '{}': the value under {} cannot be read and is treated as a miss: {}",
        alias,
        KeyRules.quote(key),
        cause.getMessage() != null ? cause.getMessage() : cause.toString());
  }
}
