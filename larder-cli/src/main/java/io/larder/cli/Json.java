package io.larder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Values on the command line are JSON, read into plain Java types every serializer stores. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /** The value of a JSON text: Map, List, String, Integer/Long/BigInteger, BigDecimal, Boolean or null. */
  static Object parse(String text) {
    try {
      Object value = MAPPER.readValue(text, Object.class);
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the value is not JSON ("
              + e.getOriginalMessage()
              + "); quote strings as JSON ('\"text\"') or pass --raw");
    }
  }

  /** A value as one line of JSON; byte arrays are written as base64 strings. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return MAPPER.valueToTree(String.valueOf(value)).toString();
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
