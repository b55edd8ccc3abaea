package io.larder;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, so expiry is tested without sleeping. */
public final class MutableClock implements InstantSource {
  private final AtomicLong millis;

  public MutableClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** A clock at the current time, so files it dates look sane to other processes. */
  public MutableClock() {
    this(Instant.now());
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  public void advanceSeconds(double seconds) {
    millis.addAndGet(Math.round(seconds * 1000));
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public long millis() {
    return millis.get();
  }
}
