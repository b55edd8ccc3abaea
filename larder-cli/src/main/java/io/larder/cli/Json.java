package io.larder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Values on the command line are JSON, read into plain Java types every serializer stores, the way
 * Python's {@code json.loads} reads them, so that a Django app sharing the cache gets what its own
 * JSON would give it: an integer of any size is an integer ({@code Integer}, {@code Long} or {@code
 * BigInteger}, Python's {@code int}), a number with a fraction or an exponent is a {@code Double}
 * (Python's {@code float}), and {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted as
 * Python accepts them. With exact decimals (the {@code --decimal} option) fractions are {@code
 * BigDecimal} instead, which Django reads as {@code Decimal}.
 */
final class Json {
  /** Python's reading: fractions as Double. */
  private static final ObjectMapper PYTHON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  /** Fractions as written (BigDecimal); also keeps a whole JSON line's numbers exact as text. */
  private static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Json() {}

  /**
   * The value of a JSON text: Map, List, String, Integer/Long/BigInteger, Double, Boolean or null;
   * with {@code exactDecimals}, BigDecimal in place of Double.
   */
  static Object parse(String text, boolean exactDecimals) {
    try {
      return (exactDecimals ? EXACT : PYTHON).readValue(text, Object.class);
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
      return EXACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return EXACT.valueToTree(String.valueOf(value)).toString();
    }
  }

  /** The mapper for whole JSON lines: numbers stay exact until a value is {@link #parse}d. */
  static ObjectMapper mapper() {
    return EXACT;
  }
}
