package io.larder.memcached;

import io.larder.SerializationException;
import io.larder.compress.OversizedValueException;
import io.larder.spi.Serializer;
import io.larder.compress.Zlib;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import net.rubyeye.xmemcached.transcoders.CachedData;

/**
 * Django's memcached value format: the item's client flags say what the bytes are, as pymemcache
 * and pylibmc write them (docs/memcached.md, "What a value looks like on the server"). Bytes are written raw (0), text as UTF-8 (16),
 * integers as plain decimal so that the server can {@code incr} them ({@code int} 2, {@code long}
 * 4, pylibmc's flag, so a Java long reads back as a long), everything else by the configured
 * serializer (1); bit 8 marks a zlib-compressed payload. Readers accept every one of these.
 */
final class ValueFlags {
  static final int BYTES = 0;
  static final int SERIALIZED = 1;
  static final int INTEGER = 2;
  static final int LONG = 4;
  static final int ZLIB = 8;
  static final int TEXT = 16;

  /** The size CachedData checks against: ours is checked before, against max_item_size. */
  private static final int NO_CLIENT_LIMIT = Integer.MAX_VALUE;

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private final Serializer serializer;
  private final boolean compress;
  private final int compressMinLength;
  private final int compressLevel;
  private final int maxValueSize;

  /** Python's default {@code sys.get_int_max_str_digits()}: longer decimals parse in quadratic time. */
  private static final int MAX_DIGITS = 4300;

  ValueFlags(
      Serializer serializer,
      boolean compress,
      int compressMinLength,
      int compressLevel,
      int maxValueSize) {
    this.serializer = serializer;
    this.compress = compress;
    this.compressMinLength = compressMinLength;
    this.compressLevel = compressLevel;
    this.maxValueSize = maxValueSize;
  }

  /**
   * The item for {@code value}: its flags and bytes.
   *
   * @throws SerializationException if the serializer cannot write the value
   */
  CachedData encode(Object value) {
    int flags;
    byte[] data;
    if (value instanceof byte[] bytes) {
      flags = BYTES;
      data = bytes;
    } else if (value instanceof String text) {
      flags = TEXT;
      data = text.getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      flags = INTEGER;
      data = value.toString().getBytes(StandardCharsets.US_ASCII);
    } else if (value instanceof Long) {
      flags = LONG;
      data = value.toString().getBytes(StandardCharsets.US_ASCII);
    } else {
      flags = SERIALIZED;
      data = serializer.serialize(value);
    }
    if (compress && data.length > compressMinLength) {
      byte[] deflated = Zlib.deflate(data, compressLevel);
      // As pymemcache's CompressedSerde: kept only when it saves space.
      if (deflated.length < data.length) {
        flags |= ZLIB;
        data = deflated;
      }
    }
    return new CachedData(flags, data, NO_CLIENT_LIMIT, -1);
  }

  /**
   * The value an item holds.
   *
   * @throws io.larder.DisallowedClassException if a serialized value names a class not allowed
   * @throws SerializationException if the item is not in a format this reader knows, corrupt, or
   *     over a limit: inflating past {@code options.max_value_size}, an integer of more digits
   *     than Python converts
   */
  Object decode(CachedData item) {
    int flags = item.getFlag();
    byte[] data = item.getData();
    if ((flags & ZLIB) != 0) {
      try {
        data = Zlib.inflate(data, 0, data.length, maxValueSize);
      } catch (OversizedValueException e) {
        throw new SerializationException(e.getMessage(), e);
      } catch (DataFormatException e) {
        throw new SerializationException("flags " + flags + " say zlib, but the bytes are not", e);
      }
    }
    switch (flags & ~ZLIB) {
      case BYTES:
        return data;
      case TEXT:
        return new String(data, StandardCharsets.UTF_8);
      case INTEGER:
      case LONG:
        return integer(flags, data);
      case SERIALIZED:
        return serializer.deserialize(data);
      default:
        throw new SerializationException(
            "flags " + flags + " are not a Django value format (0, 1, 2, 4 or 16, +8 for zlib)");
    }
  }

  /** The decimal, as the narrowest of Integer (flag 2 only), Long and BigInteger that holds it. */
  private static Object integer(int flags, byte[] data) {
    // memcached pads a decremented number with spaces rather than shortening it.
    String text = new String(data, StandardCharsets.US_ASCII).trim();
    if (text.length() > MAX_DIGITS + 1) {
      throw new SerializationException(
          "flags " + flags + " say integer, but it has more than " + MAX_DIGITS + " digits");
    }
    BigInteger number;
    try {
      number = new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new SerializationException("flags " + flags + " say integer, but the bytes are not");
    }
    if ((flags & ~ZLIB) == INTEGER
        && number.compareTo(INT_MIN) >= 0
        && number.compareTo(INT_MAX) <= 0) {
      return number.intValue();
    }
    return number.bitLength() < 64 ? (Object) number.longValue() : number;
  }
}
