package io.larder.formats;

import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import io.larder.spi.Serializer;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * django-redis's {@code MSGPackSerializer} ({@code options.serializer: msgpack}): the bytes of
 * Python's {@code msgpack.dumps(value)} (msgpack-python 1.0: each integer in its smallest form,
 * floats as float64, strings as str, {@code byte[]} as bin), read as {@code msgpack.loads(value,
 * raw=False)} reads them: {@code Map} (in the stored order), {@code List}, {@code String}, {@code
 * byte[]}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean},
 * {@code null}, and the timestamp extension as an {@code Instant}. A record or bean is written as
 * the map Jackson makes of it, and {@code cache.get(key, Order.class)} converts a map back through
 * Jackson, as for {@code json}. Reading refuses nesting deeper than {@link
 * DecodingBudget#MAX_DEPTH} and a map key that is a container (Python cannot hash one either).
 *
 * <pre>{@code
 * options: { serializer: msgpack }   # or django_redis.serializers.msgpack.MSGPackSerializer
 * }</pre>
 *
 * @since 0.1
 */
public final class MsgpackSerializer implements Serializer {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  @Override
  public byte[] serialize(Object value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      pack(packer, value, 0);
      return packer.toByteArray();
    } catch (IOException | IllegalArgumentException e) {
      throw Unwritable.value(value, "msgpack", "msgpack", e);
    }
  }

  private static void pack(MessageBufferPacker packer, Object value, int depth) throws IOException {
    DecodingBudget.checkDepth(depth);
    if (value == null) {
      packer.packNil();
    } else if (value instanceof Boolean b) {
      packer.packBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      packer.packLong(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      if (big.signum() < 0 ? big.bitLength() > 63 : big.compareTo(UINT64_MAX) > 0) {
        throw new IllegalArgumentException("an integer outside msgpack's 64 bits: " + big);
      }
      packer.packBigInteger(big);
    } else if (value instanceof Double || value instanceof Float) {
      // Python has only float64; a Java float as the decimal it prints as.
      packer.packDouble(value instanceof Float f ? Double.parseDouble(f.toString()) : (Double) value);
    } else if (value instanceof String s) {
      packer.packString(s);
    } else if (value instanceof byte[] bytes) {
      packer.packBinaryHeader(bytes.length);
      packer.writePayload(bytes);
    } else if (value instanceof Instant instant) {
      packer.packTimestamp(instant);
    } else if (value instanceof Map<?, ?> map) {
      packer.packMapHeader(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        pack(packer, entry.getKey(), depth + 1);
        pack(packer, entry.getValue(), depth + 1);
      }
    } else if (value instanceof Collection<?> items) {
      packer.packArrayHeader(items.size());
      for (Object item : items) {
        pack(packer, item, depth + 1);
      }
    } else if (value instanceof Object[] items) {
      pack(packer, List.of(items), depth);
    } else {
      // A record or bean: the map (or value) Jackson makes of it, with Django's text for dates.
      Object converted = JsonSerializer.MAPPER.convertValue(value, Object.class);
      if (converted != null && converted.getClass() == value.getClass()) {
        throw new IllegalArgumentException("msgpack has no form for it");
      }
      pack(packer, converted, depth);
    }
  }

  @Override
  public Object deserialize(byte[] bytes) {
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      Object value = unpack(unpacker, bytes.length, 0);
      if (unpacker.hasNext()) {
        throw new SerializationException("not one msgpack value: bytes follow it");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException("not a msgpack value: " + e.getMessage(), e);
    }
  }

  private static Object unpack(MessageUnpacker in, int length, int depth) throws IOException {
    DecodingBudget.checkDepth(depth);
    MessageFormat format = in.getNextFormat();
    ValueType type = format.getValueType();
    switch (type) {
      case NIL:
        in.unpackNil();
        return null;
      case BOOLEAN:
        return in.unpackBoolean();
      case INTEGER:
        return switch (format) {
          case UINT64 -> smallest(in.unpackBigInteger());
          default -> smallest(BigInteger.valueOf(in.unpackLong()));
        };
      case FLOAT:
        return in.unpackDouble();
      case STRING:
        return in.unpackString();
      case BINARY:
        {
          int size = in.unpackBinaryHeader();
          requireBytes(size, length);
          return in.readPayload(size);
        }
      case ARRAY:
        {
          int size = in.unpackArrayHeader();
          requireBytes(size, length);
          List<Object> items = new ArrayList<>(Math.min(size, 1024));
          for (int i = 0; i < size; i++) {
            items.add(unpack(in, length, depth + 1));
          }
          return items;
        }
      case MAP:
        {
          int size = in.unpackMapHeader();
          requireBytes(size, length);
          Map<Object, Object> map = new LinkedHashMap<>(Math.min(size, 1024) * 2);
          for (int i = 0; i < size; i++) {
            Object key = unpack(in, length, depth + 1);
            if (key instanceof Map || key instanceof List) {
              throw new SerializationException("a msgpack map key that is a container");
            }
            map.put(key, unpack(in, length, depth + 1));
          }
          return map;
        }
      case EXTENSION:
        if (in.getNextFormat() == MessageFormat.FIXEXT4 || in.getNextFormat() == MessageFormat.FIXEXT8
            || in.getNextFormat() == MessageFormat.EXT8) {
          return in.unpackTimestamp();
        }
        throw new SerializationException("a msgpack extension type other than a timestamp");
      default:
        throw new SerializationException("a msgpack value of type " + type);
    }
  }

  /** Integer, Long or BigInteger: the smallest that holds it, as the json serializer reads. */
  private static Object smallest(BigInteger value) {
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /** Each element takes at least a byte: a header claiming more than the value holds is corrupt. */
  private static void requireBytes(int count, int length) {
    if (count < 0 || count > length) {
      throw new SerializationException("a msgpack header claims more elements than the value holds");
    }
  }

  @Override
  public Object convert(Object value, Class<?> type) {
    return new JsonSerializer().convert(value, type);
  }
}
