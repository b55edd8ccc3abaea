package io.larder.internal;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The system clock read from a field that a daemon thread refreshes every millisecond, for the
 * local-memory store only: reading the real clock costs about as much as the rest of a
 * local-memory hit (see docs/benchmarks.md), this a volatile read. "Now" may lag by a millisecond
 * or two, so an entry may outlive its timeout by that much, never die early.
 *
 * <p>The thread runs only while the clock is read: it starts on the first read and stops after a
 * second without one, so an idle JVM pays no wake-ups (docs/benchmarks.md, "idle cost").
 */
final class CoarseClock implements InstantSource {
  static final CoarseClock INSTANCE = new CoarseClock();

  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int IDLE_TICKS = 1000;

  private volatile long millis;
  private volatile boolean ticking;
  /** Set by readers, cleared by the ticker once a second: was the clock read lately? */
  private volatile boolean read;

  private CoarseClock() {}

  @Override
  public long millis() {
    if (!ticking) {
      start();
    }
    if (!read) {
      read = true;
    }
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  private synchronized void start() {
    if (ticking) {
      return;
    }
    millis = System.currentTimeMillis();
    read = true;
    ticking = true;
    Thread ticker = new Thread(this::tick, "larder-clock");
    ticker.setDaemon(true);
    ticker.start();
  }

  private void tick() {
    int idle = 0;
    while (true) {
      LockSupport.parkNanos(TICK_NANOS);
      millis = System.currentTimeMillis();
      if (++idle < IDLE_TICKS) {
        continue;
      }
      idle = 0;
      synchronized (this) {
        if (!read) {
          ticking = false;
          return;
        }
        read = false;
      }
    }
  }
}
