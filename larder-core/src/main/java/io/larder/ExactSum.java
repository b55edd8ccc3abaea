package io.larder;

import java.math.BigInteger;

/**
 * The sum {@code incr} stores: exact, never wrapped. The result keeps the value's integer type where
 * it fits ({@code Integer} stays {@code Integer} up to {@link Integer#MAX_VALUE}, then becomes
 * {@code Long}, as Python's {@code int} simply grows), and a sum beyond a signed 64-bit integer is
 * refused, because {@code incr} returns a {@code long}.
 */
final class ExactSum {
  private ExactSum() {}

  /**
   * {@code value + delta}.
   *
   * @throws NotAnIntegerException if the value is not an integer
   * @throws CounterOverflowException if the sum is beyond a signed 64-bit integer
   */
  static Object of(String callerKey, Object value, long delta) {
    long current;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      current = ((Number) value).longValue();
    } else if (value instanceof Long l) {
      current = l;
    } else if (value instanceof BigInteger b) {
      if (b.bitLength() >= 64) {
        throw new CounterOverflowException(callerKey, value, delta);
      }
      current = b.longValue();
    } else {
      throw new NotAnIntegerException(callerKey, value);
    }
    long sum;
    try {
      sum = Math.addExact(current, delta);
    } catch (ArithmeticException e) {
      throw new CounterOverflowException(callerKey, value, delta);
    }
    return value instanceof Long || sum != (int) sum ? (Object) sum : (Object) (int) sum;
  }
}
