package io.larder.jcache;

import io.larder.Timeout;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * JSR-107's expiry policy on Larder's per-entry timeouts: each answer of the policy becomes an
 * epoch millisecond (an eternal duration {@link Tracked#ETERNAL}, a zero one "now", so the entry
 * is expired at once), and that instant becomes the {@link Timeout} the store is written or
 * touched with. A policy that throws is logged and read as null: the entry keeps its expiry, as
 * the specification asks.
 */
final class Expiries {
  private static final Logger LOG = Logger.getLogger(Expiries.class.getName());
  private static final Set<Class<?>> STANDARD =
      Set.of(
          EternalExpiryPolicy.class,
          CreatedExpiryPolicy.class,
          AccessedExpiryPolicy.class,
          ModifiedExpiryPolicy.class,
          TouchedExpiryPolicy.class);

  private final ExpiryPolicy policy;
  /**
   * True for JSR-107's own policies, whose answers are fixed at construction: those are asked once,
   * here, and not on every operation.
   */
  private final boolean fixed;
  private final Duration creation;
  private final Duration update;
  private final Duration access;

  Expiries(ExpiryPolicy policy) {
    this.policy = policy;
    this.fixed = STANDARD.contains(policy.getClass());
    this.creation = fixed ? policy.getExpiryForCreation() : null;
    this.update = fixed ? policy.getExpiryForUpdate() : null;
    this.access = fixed ? policy.getExpiryForAccess() : null;
  }

  ExpiryPolicy policy() {
    return policy;
  }

  /** When a new entry expires; a policy that answers null makes it eternal. */
  long forCreation(long now) {
    Duration duration = fixed ? creation : ask(Question.CREATION);
    return duration == null ? Tracked.ETERNAL : at(now, duration);
  }

  /** When an updated entry expires, or null to keep its expiry. */
  Long forUpdate(long now) {
    Duration duration = fixed ? update : ask(Question.UPDATE);
    return duration == null ? null : at(now, duration);
  }

  /** When an entry that was read expires, or null to keep its expiry. */
  Long forAccess(long now) {
    Duration duration = fixed ? access : ask(Question.ACCESS);
    return duration == null ? null : at(now, duration);
  }

  /** The store's timeout for an entry that expires at {@code expiresAt}. */
  static Timeout timeout(long now, long expiresAt) {
    if (expiresAt == Tracked.ETERNAL) {
      return Timeout.NEVER;
    }
    if (expiresAt == Tracked.UNKNOWN) {
      return Timeout.DEFAULT;
    }
    return Timeout.millis(expiresAt - now);
  }

  private static long at(long now, Duration duration) {
    if (duration.isEternal()) {
      return Tracked.ETERNAL;
    }
    if (duration.isZero()) {
      return now;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    return millis >= Tracked.ETERNAL - now ? Tracked.ETERNAL : now + Math.max(millis, 1);
  }

  private enum Question {
    CREATION,
    UPDATE,
    ACCESS
  }

  private Duration ask(Question question) {
    try {
      return switch (question) {
        case CREATION -> policy.getExpiryForCreation();
        case UPDATE -> policy.getExpiryForUpdate();
        case ACCESS -> policy.getExpiryForAccess();
      };
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The cache's expiry policy failed; the entry keeps its expiry", e);
      return null;
    }
  }
}
