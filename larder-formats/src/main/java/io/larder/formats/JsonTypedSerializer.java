package io.larder.formats;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import io.larder.spi.Serializer;
import java.io.IOException;
import java.util.List;

/**
 * JSON for caches only Java reads ({@code options.serializer: json_typed}): Jackson with each
 * value's class recorded beside it ({@code {"@class": "com.example.Order", "id": 7, ...}}), so
 * records, beans, {@code java.time} values, {@code BigDecimal}, {@code Long} and nested collections
 * read back as the types written, for {@code @Cacheable} methods that return them. Readable by
 * people and by other languages, and not tied to {@code serialVersionUID}, unlike the {@code java}
 * serializer; Django cannot read it (its {@code json} serializer is {@code options.serializer:
 * json}).
 *
 * <p>Only classes allowed by {@code options.serializer_allow} (packages, as for the {@code java}
 * serializer) and a fixed list of JDK value and collection classes are written or read, through
 * Jackson's {@code PolymorphicTypeValidator}: writing any other is a {@link
 * SerializationException}, and a stored value naming one is refused before the class is loaded and
 * read as a miss counted in {@code stats().corruptReads()}. The recorded types are this
 * serializer's own mapper's: no other {@code ObjectMapper} records or trusts class names. Reading
 * refuses nesting deeper than {@link DecodingBudget#MAX_DEPTH}.
 *
 * <pre>{@code
 * options: { serializer: json_typed, serializer_allow: [com.example.orders] }
 * Order order = cache.get("order:7", Order.class);
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonTypedSerializer implements Serializer {
  private final TypeAllowList allowList;
  private final ObjectWriter writer;
  private final ObjectReader reader;

  /**
   * A serializer for cache {@code alias} that writes and reads the classes of {@code packages}
   * (and their subpackages) besides the JDK's values and collections.
   *
   * @param alias the cache's alias, named in the error for a class that is not allowed
   * @param packages the allowed packages ({@code options.serializer_allow}), e.g. {@code
   *     com.example.orders}; empty allows only the JDK's values and collections; not null
   */
  public JsonTypedSerializer(String alias, List<String> packages) {
    this.allowList = new TypeAllowList(alias, packages);
    JsonMapper mapper =
        JsonMapper.builder(
                new JsonFactoryBuilder().streamReadConstraints(JsonSerializer.READ_BOUNDS).build())
            .polymorphicTypeValidator(allowList)
            .setDefaultTyping(new RecordedTypes(allowList))
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new JavaTimeModule())
            .build();
    this.writer = mapper.writerFor(Object.class);
    this.reader = mapper.readerFor(Object.class);
  }

  @Override
  public byte[] serialize(Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException | RuntimeException e) {
      RecordedTypes.RefusedType refused = RecordedTypes.RefusedType.in(e);
      if (refused != null) {
        throw allowList.refusedWrite(refused.typeId, e);
      }
      throw Unwritable.value(value, "JSON", "json_typed", e);
    }
  }

  @Override
  public Object deserialize(byte[] bytes) {
    try {
      return reader.readValue(bytes);
    } catch (IOException | RuntimeException e) {
      RecordedTypes.RefusedType refused = RecordedTypes.RefusedType.in(e);
      if (refused != null) {
        throw allowList.refusedRead(refused.typeId);
      }
      if (e instanceof InvalidTypeIdException invalid && invalid.getTypeId() != null
          && !allowList.permits(invalid.getTypeId())) {
        throw allowList.refusedRead(invalid.getTypeId());
      }
      throw new SerializationException("not a json_typed value: " + e.getMessage(), e);
    }
  }
}
