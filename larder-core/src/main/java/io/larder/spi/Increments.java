package io.larder.spi;

import io.larder.NotAnIntegerException;
import java.math.BigInteger;

/** Django's {@code incr} arithmetic, for stores that add to a value they have read. */
public final class Increments {
  private Increments() {}

  /**
   * {@code value + delta}, keeping the value's integer type where the result fits.
   *
   * @param key the key, for the error messages
   * @throws NotAnIntegerException if the value is not an integer
   * @throws ArithmeticException if the sum does not fit in a signed 64-bit integer
   */
  public static Object add(String key, Object value, long delta) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long sum = Math.addExact(((Number) value).longValue(), delta);
      return sum == (int) sum ? (Object) (int) sum : (Object) sum;
    }
    if (value instanceof Long l) {
      try {
        return Math.addExact(l, delta);
      } catch (ArithmeticException e) {
        throw new ArithmeticException("incr of '" + key + "' overflows a long");
      }
    }
    if (value instanceof BigInteger b) {
      BigInteger sum = b.add(BigInteger.valueOf(delta));
      sum.longValueExact();
      return sum;
    }
    throw new NotAnIntegerException(key, value);
  }
}
