package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bytes django-redis's JSONSerializer writes, checked against what Debian's Python and Django
 * (3.2) print for the same values: {@code json.dumps(value, cls=DjangoJSONEncoder)}.
 */
class JsonSerializerTest {
  private final JsonSerializer json = new JsonSerializer();

  private String written(Object value) {
    return new String(json.serialize(value), StandardCharsets.US_ASCII);
  }

  private Object read(String text) {
    return json.deserialize(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesPythonsSeparatorsAndDjangosNaiveDateTime() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", 1);
    value.put("when", LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    assertThat(written(value)).isEqualTo("{\"a\": 1, \"when\": \"2024-01-02T03:04:05\"}");
  }

  @Test
  void escapesEverythingOutsidePrintableAsciiInLowerCaseAsPythonDoes() {
    assertThat(written("héllo ✓ \uD83D\uDE00 \u007f\u001b\n\t\"\\/"))
        .isEqualTo("\"h\\u00e9llo \\u2713 \\ud83d\\ude00 \\u007f\\u001b\\n\\t\\\"\\\\/\"");
  }

  @Test
  void writesFloatsAsPythonsRepr() {
    List<Object> floats =
        List.of(1.5, 100.0, 1e16, 1.5e-05, 0.0001, 123456789012345.6, -0.0, 1e22, 2.5e-300, 0.1,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(written(floats))
        .isEqualTo(
            "[1.5, 100.0, 1e+16, 1.5e-05, 0.0001, 123456789012345.6, -0.0, 1e+22, 2.5e-300, 0.1,"
                + " NaN, Infinity, -Infinity]");
  }

  @Test
  void writesDecimalsAndUuidsAsStrings() {
    assertThat(
            written(
                List.of(
                    new BigDecimal("1.50"),
                    new BigDecimal("1E+2"),
                    UUID.fromString("12345678-1234-5678-1234-567812345678"))))
        .isEqualTo("[\"1.50\", \"1E+2\", \"12345678-1234-5678-1234-567812345678\"]");
  }

  @Test
  void writesDatesAndTimesByDjangosMillisecondRule() {
    List<Object> times =
        List.of(
            LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_789),
            LocalDateTime.of(2024, 3, 5, 10, 20, 30, 500_000),
            OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.UTC),
            OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)),
            LocalDate.of(2024, 3, 5),
            LocalTime.of(10, 20, 30, 123_456_000),
            LocalTime.of(10, 20, 30));
    assertThat(written(times))
        .isEqualTo(
            "[\"2024-03-05T10:20:30.123\", \"2024-03-05T10:20:30.000\","
                + " \"2024-03-05T10:20:30.123Z\", \"2024-03-05T10:20:30+05:30\", \"2024-03-05\","
                + " \"10:20:30.123\", \"10:20:30\"]");
  }

  @Test
  void writesDurationsAsDjangosIsoString() {
    assertThat(
            written(
                List.of(
                    Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusNanos(5000),
                    Duration.ofSeconds(-90),
                    Duration.ZERO)))
        .isEqualTo("[\"P1DT02H03M04.000005S\", \"-P0DT00H01M30S\", \"P0DT00H00M00S\"]");
  }

  @Test
  void refusesAnAwareTimeAsDjangoDoes() {
    assertThatThrownBy(() -> json.serialize(OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("timezone-aware");
  }

  @Test
  void readsJsonsOwnTypesWithPythonsIntegers() {
    Object value =
        read(
            "{\"n\": null, \"t\": true, \"f\": false, \"big\": 1180591620717411303424,"
                + " \"long\": 1099511627776, \"neg\": -7, \"x\": 1.5, \"empty\": {}, \"list\": [],"
                + " \"nan\": NaN}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("n", null);
    expected.put("t", true);
    expected.put("f", false);
    expected.put("big", BigInteger.TWO.pow(70));
    expected.put("long", 1L << 40);
    expected.put("neg", -7);
    expected.put("x", 1.5);
    expected.put("empty", Map.of());
    expected.put("list", List.of());
    expected.put("nan", Double.NaN);
    assertThat(value).isEqualTo(expected);
    assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.copyOf(expected.keySet()));
  }

  @Test
  void writesIntegersOfAnySizeAsJsonIntegers() {
    assertThat(written(List.of(BigInteger.TWO.pow(70), 1L << 40, -7)))
        .isEqualTo("[1180591620717411303424, 1099511627776, -7]");
  }

  record Order(int id, String customer, List<String> items, LocalDateTime placed, BigDecimal total) {}

  @Test
  void aRecordIsWrittenAsAnObjectAndConvertedBackFromWhatWasRead() {
    Order order =
        new Order(7, "ada", List.of("tea", "scones"), LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_000_000), new BigDecimal("12.50"));
    Object read = json.deserialize(json.serialize(order));

    assertThat(read).isInstanceOf(Map.class);
    assertThat(json.convert(read, Order.class)).isEqualTo(order);
  }

  @Test
  void aValueThatCannotBeMadeTheTypeIsReturnedAsItIs() {
    Object read = read("[1, 2]");
    assertThat(json.convert(read, Order.class)).isSameAs(read);
  }

  @Test
  void nestingDeeperThanTheDecodingBudgetIsRefused() {
    int depth = DecodingBudget.MAX_DEPTH;
    assertThat(read("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(List.class);
    assertThatThrownBy(() -> read("[".repeat(depth + 1) + "]".repeat(depth + 1)))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void bytesThatAreNotOneJsonValueAreRefused() {
    assertThatThrownBy(() -> read("{\"a\": 1")).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> read("1 2")).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> json.deserialize(new byte[] {(byte) 0x80, 4, 'K', 1, '.'}))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void anObjectJacksonCannotWriteIsRefusedNamingItsClass() {
    assertThatThrownBy(() -> json.serialize(new Object()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void writesNestedCollectionsInTheirOrder() {
    List<Object> nested = new ArrayList<>();
    nested.add(Map.of("k", List.of(1, "two")));
    nested.add(null);
    assertThat(written(nested)).isEqualTo("[{\"k\": [1, \"two\"]}, null]");
  }
}
