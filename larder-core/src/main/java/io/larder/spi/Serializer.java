package io.larder.spi;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;

/**
 * Turns values into bytes and back, for backends that store bytes. Chosen per cache with {@code
 * options.serializer}: {@code java} (the default, JDK serialization behind an allow-list), {@code
 * pickle} (Python pickle for Django interop, from {@code larder-django}), or the class name of a
 * {@link SerializerProvider}.
 *
 * <p>Implementations are thread-safe and hold no state between calls.
 *
 * @since 0.1
 */
public interface Serializer {
  /**
   * The bytes of {@code value}, which may be null.
   *
   * @param value the value to store; may be null
   * @return the bytes, in this serializer's format
   * @throws SerializationException if the value cannot be serialized
   */
  byte[] serialize(Object value);

  /**
   * The value {@code bytes} were made from. The bytes may come from anyone who can write the
   * cache, so a reader bounds its nesting and work with a {@link DecodingBudget}, as the built-in
   * ones do: a value over a bound is a {@link SerializationException}, which the cache answers as a
   * miss.
   *
   * @param bytes bytes read from the store, at most {@code max_value_size} long; not null
   * @return the value, which may be null
   * @throws DisallowedClassException if the bytes name a class the allow-list rejects
   * @throws SerializationException if the bytes are not a value this serializer wrote
   */
  Object deserialize(byte[] bytes);

  /**
   * A value this serializer read, made a {@code type} for {@link io.larder.Cache#get(String,
   * Class)} where the format reads generic values (JSON's maps become records); by default the
   * value as it is, which the caller then checks against {@code type}.
   *
   * <pre>{@code
   * Order order = cache.get("order:7", Order.class); // a stored JSON object, as an Order
   * }</pre>
   *
   * @param value a value this serializer read; may be null
   * @param type the type the caller asked for; not null
   * @return the converted value, or {@code value} itself when it cannot be made a {@code type}
   */
  default Object convert(Object value, Class<?> type) {
    return value;
  }
}
