package io.larder;

import java.math.BigInteger;

/**
 * {@code incr} or {@code decr} would take a counter beyond a signed 64-bit integer ({@code
 * -9223372036854775808} to {@code 9223372036854775807}), the range {@code incr} returns. The value
 * is left as it was. An {@link ArithmeticException}, as {@link Math#addExact} throws, so that code
 * catching that keeps working.
 *
 * @since 0.1
 */
public class CounterOverflowException extends ArithmeticException {
  /** The integer the key held: any stored number type, so it is left out of the serial form. */
  private final transient Object value;

  /** The amount that was to be added. */
  private final long delta;

  /**
   * An increment of {@code value} by {@code delta} that leaves the 64-bit range.
   *
   * @param key the key as the message shows it
   * @param value the integer stored under the key; its decimal text is read as a number
   * @param delta the amount that was to be added
   */
  public CounterOverflowException(String key, Object value, long delta) {
    super(
        "Key '"
            + key
            + "' holds "
            + value
            + "; adding "
            + delta
            + " gives "
            + new BigInteger(String.valueOf(value)).add(BigInteger.valueOf(delta))
            + ", beyond a 64-bit counter's range; the value is unchanged");
    this.value = value;
    this.delta = delta;
  }

  /**
   * The same overflow, told about {@code key}.
   *
   * @param key the caller's key, to name in place of the made one
   * @return a new exception with the same value and delta and a message naming {@code key}
   */
  public CounterOverflowException forKey(String key) {
    return new CounterOverflowException(key, value, delta);
  }
}
