package io.larder;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a cache entry lives: Django's {@code timeout} argument.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: the cache's configured {@code timeout} (Django's {@code DEFAULT_TIMEOUT}).
 *   <li>{@link #NEVER}: the entry never expires (Django's {@code None}).
 *   <li>A length of time, which may be fractional ({@code Timeout.seconds(100.2)}). Zero or
 *       negative means the entry is already expired: {@code set} leaves nothing readable and
 *       {@code touch} expires the key.
 * </ul>
 *
 * <pre>{@code
 * cache.set("greeting", "Hello", Timeout.seconds(60));
 * cache.set("config", config, Timeout.NEVER);
 * cache.touch("session", Timeout.of(Duration.ofMinutes(30)));
 * }</pre>
 *
 * @since 0.1
 */
public final class Timeout {
  /** Use the cache's configured default timeout. */
  public static final Timeout DEFAULT = new Timeout(Kind.DEFAULT, 0);
  /** Never expire (Django's {@code None}). */
  public static final Timeout NEVER = new Timeout(Kind.NEVER, 0);

  private static final Timeout ZERO = new Timeout(Kind.FINITE, 0);

  private enum Kind {
    DEFAULT,
    NEVER,
    FINITE
  }

  private final Kind kind;
  private final long nanos;

  private Timeout(Kind kind, long nanos) {
    this.kind = kind;
    this.nanos = nanos;
  }

  /**
   * A timeout of the given number of seconds; fractions are kept to the nanosecond.
   *
   * @param seconds the number of seconds, counted from the write; zero or less gives an entry
   *     expired at once
   * @return a finite timeout
   * @throws IllegalArgumentException if {@code seconds} is NaN or infinite
   */
  public static Timeout seconds(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(
          "timeout must be a finite number of seconds, got " + seconds + "; use Timeout.NEVER");
    }
    return ofNanos(Math.round(seconds * 1e9));
  }

  /**
   * A timeout of whole seconds.
   *
   * @param seconds the number of seconds, counted from the write; zero or less gives an entry
   *     expired at once
   * @return a finite timeout
   * @throws ArithmeticException if the number of nanoseconds overflows a long (about 292 years)
   */
  public static Timeout seconds(long seconds) {
    return ofNanos(Math.multiplyExact(seconds, 1_000_000_000L));
  }

  /**
   * A timeout of whole minutes.
   *
   * @param minutes the number of minutes, counted from the write; zero or less gives an entry
   *     expired at once
   * @return a finite timeout
   * @throws ArithmeticException if the number of nanoseconds overflows a long
   */
  public static Timeout minutes(long minutes) {
    return seconds(Math.multiplyExact(minutes, 60L));
  }

  /**
   * A timeout of whole milliseconds.
   *
   * @param millis the number of milliseconds, counted from the write; zero or less gives an entry
   *     expired at once
   * @return a finite timeout
   * @throws ArithmeticException if the number of nanoseconds overflows a long
   */
  public static Timeout millis(long millis) {
    return ofNanos(Math.multiplyExact(millis, 1_000_000L));
  }

  /**
   * A timeout of the given duration; zero or negative means already expired.
   *
   * @param duration the lifetime, counted from the write; not null
   * @return a finite timeout
   * @throws ArithmeticException if the duration does not fit in a long of nanoseconds
   */
  public static Timeout of(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return ofNanos(duration.toNanos());
  }

  private static Timeout ofNanos(long nanos) {
    return nanos == 0 ? ZERO : new Timeout(Kind.FINITE, nanos);
  }

  /**
   * Whether this is the cache's configured default.
   *
   * @return true for {@link #DEFAULT}, false for {@link #NEVER} and finite timeouts
   */
  public boolean isDefault() {
    return kind == Kind.DEFAULT;
  }

  /**
   * Whether this timeout never expires.
   *
   * @return true for {@link #NEVER}, false otherwise
   */
  public boolean isNever() {
    return kind == Kind.NEVER;
  }

  /**
   * Whether an entry written with this timeout is expired as soon as it is written.
   *
   * @return true for a finite timeout of zero or less, false for a positive one, {@link #DEFAULT}
   *     and {@link #NEVER}
   */
  public boolean isExpired() {
    return kind == Kind.FINITE && nanos <= 0;
  }

  /**
   * The length of a finite timeout.
   *
   * @return the length, zero or negative for an expired timeout
   * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}, which have none
   */
  public Duration duration() {
    requireFinite();
    return Duration.ofNanos(nanos);
  }

  /**
   * The length of a finite timeout in milliseconds, rounded down.
   *
   * @return the length in milliseconds, rounded down
   * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}, which have none
   */
  public long toMillis() {
    requireFinite();
    return Math.floorDiv(nanos, 1_000_000L);
  }

  /**
   * The length of a finite timeout in nanoseconds.
   *
   * @return the length in nanoseconds
   * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}, which have none
   */
  public long toNanos() {
    requireFinite();
    return nanos;
  }

  /**
   * The length of a finite timeout in seconds, with its fraction.
   *
   * @return the length in seconds, with its fraction
   * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}, which have none
   */
  public double toSeconds() {
    requireFinite();
    return nanos / 1e9;
  }

  private void requireFinite() {
    if (kind != Kind.FINITE) {
      throw new IllegalStateException("Timeout." + kind + " has no length");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timeout other && kind == other.kind && nanos == other.nanos;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, nanos);
  }

  @Override
  public String toString() {
    return kind == Kind.FINITE ? "Timeout[" + toSeconds() + "s]" : "Timeout." + kind;
  }
}
