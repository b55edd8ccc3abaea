package io.larder.formats;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import io.larder.spi.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * django-redis's {@code JSONSerializer} ({@code options.serializer: json}): a value is stored as the
 * UTF-8 bytes of {@code json.dumps(value, cls=DjangoJSONEncoder)}, byte for byte, and read as JSON's
 * own types: {@code Map} (in the stored order), {@code List}, {@code String}, {@code
 * Integer}/{@code Long}/{@code BigInteger} (the smallest that holds it, as Python's {@code int}
 * has no size), {@code Double}, {@code Boolean} and {@code null}. {@code cache.get(key,
 * SomeRecord.class)} converts what was read to the record through Jackson. What a Java value
 * becomes is in docs/configuration.md's JSON table. Reading refuses nesting deeper than {@link
 * DecodingBudget#MAX_DEPTH}.
 *
 * <pre>{@code
 * options: { serializer: json }   # or django_redis.serializers.json.JSONSerializer
 * Order order = cache.get("order:7", Order.class);
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonSerializer implements Serializer {
  /**
   * What a JSON reader takes: the decoding budget's nesting, strings up to {@code max_value_size}
   * (checked before), and numbers of at most Python's default 4300 digits.
   */
  static final StreamReadConstraints READ_BOUNDS =
      StreamReadConstraints.builder()
          .maxNestingDepth(DecodingBudget.MAX_DEPTH)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(4300)
          .build();

  /** Also the converter msgpack's values go through (records to maps, maps to records). */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              new JsonFactoryBuilder()
                  .streamReadConstraints(READ_BOUNDS)
                  .characterEscapes(new PythonJsonFormat.AsciiEscapes())
                  .build())
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addModule(new JavaTimeModule())
          .addModule(DjangoJsonTypes.module())
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(new PythonJsonFormat.Separators());

  @Override
  public byte[] serialize(Object value) {
    try {
      return WRITER.writeValueAsString(value).getBytes(StandardCharsets.US_ASCII);
    } catch (JacksonException | IllegalArgumentException e) {
      throw Unwritable.value(value, "JSON", "json", e);
    }
  }

  @Override
  public Object deserialize(byte[] bytes) {
    try {
      return MAPPER.readValue(bytes, Object.class);
    } catch (java.io.IOException e) {
      throw new SerializationException("not a JSON value: " + e.getMessage(), e);
    }
  }

  /**
   * An object or array read becomes the record, bean or collection asked for; a string becomes a
   * value type Django writes as text ({@code LocalDateTime}, {@code UUID}, {@code BigDecimal}, …).
   * Numbers, booleans and strings are never coerced into one another: a typed get of the wrong one
   * is the cache's usual error.
   */
  @Override
  public Object convert(Object value, Class<?> type) {
    boolean container = value instanceof Map || value instanceof List;
    boolean text =
        value instanceof String
            && !Number.class.isAssignableFrom(type)
            && !type.isPrimitive()
            && type != Boolean.class
            && type != Character.class;
    if (!container && !text) {
      return value;
    }
    try {
      return MAPPER.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
