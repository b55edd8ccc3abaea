package io.larder.jcache;

import java.math.BigInteger;

/**
 * Integers read back as the cache's value type. Stores with a native increment (Redis, memcached)
 * keep integers as decimal text, as Django does, and read them as the smallest of {@code Integer},
 * {@code Long} and {@code BigInteger} that holds them; a {@code Cache<String, Long>} gets a {@code
 * Long} back all the same.
 */
final class IntegerValues {
  private IntegerValues() {}

  /** {@code stored}, as {@code type} if it is an integer and {@code type} an integer type. */
  static Object as(Class<?> type, Object stored) {
    if (type.isInstance(stored) || !isInteger(stored)) {
      return stored;
    }
    BigInteger value =
        stored instanceof BigInteger big ? big : BigInteger.valueOf(((Number) stored).longValue());
    try {
      if (type == Long.class) {
        return value.longValueExact();
      }
      if (type == Integer.class) {
        return value.intValueExact();
      }
      if (type == Short.class) {
        return value.shortValueExact();
      }
      if (type == Byte.class) {
        return value.byteValueExact();
      }
      if (type == BigInteger.class) {
        return value;
      }
    } catch (ArithmeticException e) {
      // Out of the type's range: not a value of this cache; returned as read, the caller's cast
      // then names both types.
    }
    return stored;
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }
}
