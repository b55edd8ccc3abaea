package io.larder.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JDK serialization bytes of the commonest cached values (short ASCII strings, {@code Long}s
 * and {@code Integer}s) written and read directly, byte for byte what {@link ObjectOutputStream}
 * writes, so that the {@code java} serializer skips building an object stream for them.
 *
 * <p>Why it exists: building an {@code ObjectOutputStream} and an {@code ObjectInputStream} costs
 * microseconds per value, a tenth of a Redis round trip on loopback and more of a SQLite read;
 * docs/benchmarks.md has the figures with and without it and the command. Every other value, and
 * every byte string not exactly in one of these forms, goes through the streams and the allow-list
 * as before; nothing is instantiated here but a {@code String} or a boxed number.
 */
final class JavaSerialForms {
  /** What {@link #read} answers for bytes it does not handle. */
  static final Object NOT_HANDLED = new Object();

  /** {@code STREAM_MAGIC}, {@code STREAM_VERSION}, {@code TC_STRING}. */
  private static final byte[] STRING_HEAD = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x74};

  /** Longer strings take {@code TC_LONGSTRING}; short ones are what caches mostly hold. */
  private static final int MAX_STRING = 0xFFFF;

  private static final byte[] LONG_HEAD = headOf(0L, 1L, Long.BYTES);
  private static final byte[] INTEGER_HEAD = headOf(0, 1, Integer.BYTES);

  private JavaSerialForms() {}

  /** The serialized bytes of {@code value}, or null to use the object stream. */
  static byte[] write(Object value) {
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Long number) {
      return withValue(LONG_HEAD, number, Long.BYTES);
    }
    if (value instanceof Integer number) {
      return withValue(INTEGER_HEAD, number, Integer.BYTES);
    }
    return null;
  }

  /** The value of {@code bytes}, or {@link #NOT_HANDLED} to use the object stream. */
  static Object read(byte[] bytes) {
    if (startsWith(bytes, STRING_HEAD) && bytes.length >= STRING_HEAD.length + 2) {
      int length = ((bytes[5] & 0xFF) << 8) | (bytes[6] & 0xFF);
      int start = STRING_HEAD.length + 2;
      if (length == bytes.length - start && isPlainAscii(bytes, start)) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      }
      return NOT_HANDLED;
    }
    if (bytes.length == LONG_HEAD.length + Long.BYTES && startsWith(bytes, LONG_HEAD)) {
      return bigEndian(bytes, LONG_HEAD.length, Long.BYTES);
    }
    if (bytes.length == INTEGER_HEAD.length + Integer.BYTES && startsWith(bytes, INTEGER_HEAD)) {
      return (int) bigEndian(bytes, INTEGER_HEAD.length, Integer.BYTES);
    }
    return NOT_HANDLED;
  }

  /**
   * A string as {@code TC_STRING} and its length, when every character is ASCII and not NUL: then
   * the JDK's modified UTF-8 is the characters themselves.
   */
  private static byte[] string(String text) {
    int length = text.length();
    if (length > MAX_STRING) {
      return null;
    }
    byte[] bytes = Arrays.copyOf(STRING_HEAD, STRING_HEAD.length + 2 + length);
    bytes[5] = (byte) (length >>> 8);
    bytes[6] = (byte) length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == 0 || c >= 0x80) {
        return null;
      }
      bytes[7 + i] = (byte) c;
    }
    return bytes;
  }

  private static boolean isPlainAscii(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] <= 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] withValue(byte[] head, long value, int width) {
    byte[] bytes = Arrays.copyOf(head, head.length + width);
    for (int i = 0; i < width; i++) {
      bytes[head.length + i] = (byte) (value >>> (8 * (width - 1 - i)));
    }
    return bytes;
  }

  private static long bigEndian(byte[] bytes, int from, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 8) | (bytes[from + i] & 0xFF);
    }
    return width == Integer.BYTES ? (int) value : value;
  }

  private static boolean startsWith(byte[] bytes, byte[] head) {
    return bytes.length >= head.length && Arrays.equals(bytes, 0, head.length, head, 0, head.length);
  }

  /**
   * The stream's bytes before a boxed number's value, learnt from the JDK itself: the class
   * descriptors of the number's class and {@code Number}. Two values are written to make sure the
   * value is the last {@code width} bytes and everything before it is the same.
   */
  private static byte[] headOf(Object zero, Object one, int width) {
    byte[] a = jdkBytes(zero);
    byte[] b = jdkBytes(one);
    int head = a.length - width;
    if (a.length != b.length
        || !Arrays.equals(a, 0, head, b, 0, head)
        || b[b.length - 1] != 1) {
      throw new IllegalStateException("unexpected serialized form of " + zero.getClass());
    }
    return Arrays.copyOf(a, head);
  }

  private static byte[] jdkBytes(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
