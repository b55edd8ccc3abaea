package io.larder.spi;

import io.larder.CounterOverflowException;
import io.larder.NotAnIntegerException;
import java.math.BigInteger;

/**
 * Django's {@code incr} arithmetic, for stores that add to a value they have read.
 *
 * @since 0.1
 */
public final class Increments {
  private Increments() {}

  /**
   * {@code value + delta}, exact: the value's integer type is kept where the sum fits ({@code
   * Integer} grows into {@code Long}, as Python's {@code int} simply grows), and nothing ever wraps.
   *
   * @param key the key, for the error messages
   * @param value the stored value: an {@code Integer}, {@code Long}, {@code Short}, {@code Byte} or
   *     {@code BigInteger}
   * @param delta the amount to add; may be negative
   * @return the sum: a {@code Long} for a {@code Long} or when it does not fit in an {@code int},
   *     otherwise an {@code Integer}
   * @throws NotAnIntegerException if the value is not an integer
   * @throws CounterOverflowException if the sum is beyond a signed 64-bit integer, the range
   *     {@code incr} returns; the store must then leave the value as it was
   */
  public static Object add(String key, Object value, long delta) {
    long current;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      current = ((Number) value).longValue();
    } else if (value instanceof Long l) {
      current = l;
    } else if (value instanceof BigInteger b) {
      if (b.bitLength() >= 64) {
        throw new CounterOverflowException(key, value, delta);
      }
      current = b.longValue();
    } else {
      throw new NotAnIntegerException(key, value);
    }
    long sum;
    try {
      sum = Math.addExact(current, delta);
    } catch (ArithmeticException e) {
      throw new CounterOverflowException(key, value, delta);
    }
    return value instanceof Long || sum != (int) sum ? (Object) sum : (Object) (int) sum;
  }
}
