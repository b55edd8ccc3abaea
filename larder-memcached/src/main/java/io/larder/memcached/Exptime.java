package io.larder.memcached;

import io.larder.Timeout;

/**
 * Django's memcached timeout rule ({@code BaseMemcachedCache.get_backend_timeout}): never is exptime 0; otherwise whole
 * seconds, where 0 or fewer means expired at once (Django sends -1); and over 30 days an absolute
 * Unix time, which is how memcached reads a large exptime.
 */
final class Exptime {
  /** memcached reads an exptime over 30 days as an absolute Unix time. */
  static final long MAX_RELATIVE_SECONDS = 60L * 60 * 24 * 30;

  private Exptime() {}

  /**
   * True if {@code timeout} (resolved) stores nothing readable: its whole seconds are 0 or fewer.
   */
  static boolean expiresAtOnce(Timeout timeout) {
    return !timeout.isNever() && (long) timeout.toSeconds() <= 0;
  }

  /** The exptime to send for a timeout that does not {@link #expiresAtOnce expire at once}. */
  static int of(Timeout timeout, long nowMillis) {
    if (timeout.isNever()) {
      return 0;
    }
    long seconds = (long) timeout.toSeconds();
    if (seconds > MAX_RELATIVE_SECONDS) {
      seconds += nowMillis / 1000;
    }
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }
}
