package io.larder.internal;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens when the server cannot be reached, so that a dead server costs one failed attempt per
 * interval instead of one per call: while open, calls fail at once; when the interval has passed,
 * one call is let through to probe, and its success closes the breaker again.
 */
final class CircuitBreaker {
  private final long intervalMillis;
  private final InstantSource clock;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long openUntil;

  /** A breaker that stays open for {@code intervalMillis}; 0 never opens. */
  CircuitBreaker(long intervalMillis, InstantSource clock) {
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  /** True if a call may go to the server now. */
  boolean allows() {
    long until = openUntil;
    if (until == 0) {
      return true;
    }
    return clock.millis() >= until && probing.compareAndSet(false, true);
  }

  /** The server answered. */
  void succeeded() {
    if (openUntil != 0) {
      openUntil = 0;
      probing.set(false);
    }
  }

  /** The server could not be reached. */
  void failed() {
    if (intervalMillis > 0) {
      openUntil = clock.millis() + intervalMillis;
      probing.set(false);
    }
  }

  /** True while calls are held back (until a probe succeeds). */
  boolean isOpen() {
    return openUntil != 0;
  }

  /** Milliseconds until the next probe, for messages. */
  long millisUntilProbe() {
    return Math.max(0, openUntil - clock.millis());
  }
}
