package io.larder.web.session;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the signed sessions that were refused, as Django refuses them: a cookie or row
 * whose signature does not verify (tampered, or signed with a key no longer configured), and one
 * whose signature or row has expired. Either way the request gets a fresh, empty session. The log
 * names what was refused and why, never the value or a key.
 */
final class SessionRejections {
  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);

  private final AtomicLong tampered = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();

  /** A session cookie or row ({@code what}) refused: {@code reason} says why. */
  void rejected(String what, DjangoSigning.Rejected reason) {
    if (reason.expired()) {
      expired(what, reason.getMessage());
    } else {
      tampered.incrementAndGet();
      log.warn(
          "Sessions: a {} was refused ({}); a fresh session is started", what, reason.getMessage());
    }
  }

  /** A session cookie or row ({@code what}) that has expired. */
  void expired(String what, String detail) {
    expired.incrementAndGet();
    log.info("Sessions: a {} had expired ({}); a fresh session is started", what, detail);
  }

  long tampered() {
    return tampered.get();
  }

  long expired() {
    return expired.get();
  }
}
