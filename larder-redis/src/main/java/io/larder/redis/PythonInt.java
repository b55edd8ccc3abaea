package io.larder.redis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Integers as django-redis stores them: plain ASCII decimal, so {@code INCRBY} works on them and a
 * Django app reads them as {@code int}. Reading follows django-redis's {@code decode}, which tries
 * Python's {@code int(value)} before anything else: any stored bytes that Python parses as an
 * integer ({@code b"007"}, {@code b" 1_0 "}) are an integer, whoever wrote them.
 */
final class PythonInt {
  /** Python's default {@code sys.get_int_max_str_digits()}: {@code int()} refuses longer text. */
  static final int MAX_DIGITS = 4300;

  private PythonInt() {}

  /** True for the values django-redis stores as decimal: integers, never booleans. */
  static boolean isInteger(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }

  /** The decimal bytes of an integer {@link #isInteger accepted} by isInteger. */
  static byte[] encode(Object integer) {
    return integer.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The integer Python's {@code int(bytes)} reads from {@code stored}, as the narrowest of {@link
   * Integer}, {@link Long} and {@link BigInteger} that holds it (as the pickle serializer reads
   * Python ints), or null if Python would raise {@code ValueError}.
   */
  static Number decode(byte[] stored) {
    if (stored.length > MAX_DIGITS + 64) {
      return null;
    }
    int start = 0;
    int end = stored.length;
    while (start < end && isSpace(stored[start])) {
      start++;
    }
    while (end > start && isSpace(stored[end - 1])) {
      end--;
    }
    if (start == end) {
      return null;
    }
    boolean negative = stored[start] == '-';
    int first = stored[start] == '+' || negative ? start + 1 : start;
    if (!isValidDigits(stored, first, end)) {
      return null;
    }
    StringBuilder digits = new StringBuilder(end - first + 1);
    if (negative) {
      digits.append('-');
    }
    for (int i = first; i < end; i++) {
      if (stored[i] != '_') {
        digits.append((char) stored[i]);
      }
    }
    int length = digits.length() - (negative ? 1 : 0);
    if (length > MAX_DIGITS) {
      // Python's int() refuses it too, and parsing it would take quadratic time.
      return null;
    }
    if (length <= 18) {
      long value = Long.parseLong(digits, 0, digits.length(), 10);
      return value == (int) value ? (Number) (int) value : (Number) value;
    }
    BigInteger value = new BigInteger(digits.toString());
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  /** Digits with single underscores between them, as Python's int literal grammar allows. */
  private static boolean isValidDigits(byte[] bytes, int start, int end) {
    if (start >= end) {
      return false;
    }
    boolean afterDigit = false;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '9') {
        afterDigit = true;
      } else if (b == '_' && afterDigit) {
        afterDigit = false;
      } else {
        return false;
      }
    }
    return afterDigit;
  }

  /** Python's {@code bytes.isspace()} characters, which {@code int()} strips. */
  private static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }
}
