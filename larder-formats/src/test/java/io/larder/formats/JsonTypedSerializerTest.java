package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** json_typed: Java's types round-trip; only allowed classes are ever written or read. */
class JsonTypedSerializerTest {
  record Line(String sku, int quantity, BigDecimal price) {}

  record Order(
      long id,
      String customer,
      List<Line> lines,
      BigDecimal total,
      LocalDateTime placed,
      Set<String> tags,
      Map<String, Object> extras) {}

  record Holder(Object value) {}

  private static int tripwiresInitialized;
  private static int tripwiresBuilt;

  /** Counts its initializations and instantiations: a refused read must do neither. */
  static final class Tripwire {
    static {
      tripwiresInitialized++;
    }

    Tripwire() {
      tripwiresBuilt++;
    }
  }

  private final JsonTypedSerializer typed =
      new JsonTypedSerializer("default", List.of("io.larder.formats"));
  private final JsonTypedSerializer strict =
      new JsonTypedSerializer("default", List.of("com.example.orders"));

  private Object roundTrip(Object value) {
    return typed.deserialize(typed.serialize(value));
  }

  private static Order order() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("when", LocalDate.of(2024, 3, 5));
    extras.put("count", 12L);
    extras.put("ratio", 0.25);
    extras.put("nested", new ArrayList<>(List.of(1, "two", new BigDecimal("3.00"))));
    return new Order(
        7L,
        "Zoë",
        List.of(new Line("A-1", 2, new BigDecimal("9.90")), new Line("B-2", 1, new BigDecimal("0.5"))),
        new BigDecimal("20.30"),
        LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_789),
        new TreeSet<>(Set.of("gift", "rush")),
        extras);
  }

  @Test
  void recordsWithNestedRecordsAndCollectionsRoundTrip() {
    Order order = order();
    assertThat(roundTrip(order)).isEqualTo(order);
  }

  @Test
  void javaTimeValuesDecimalsAndWideIntegersKeepTheirTypes() {
    List<Object> values =
        List.of(
            LocalDate.of(2024, 1, 2),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6),
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
            Instant.ofEpochSecond(1_700_000_000L, 5),
            Duration.ofMillis(1500),
            new BigDecimal("12.50"),
            new BigInteger("123456789012345678901234567890"),
            5L,
            (short) 3,
            1.5f,
            UUID.fromString("12345678-1234-5678-1234-567812345678"));
    for (Object value : values) {
      assertThat(roundTrip(value)).isEqualTo(value).hasSameClassAs(value);
    }
  }

  @Test
  void nestedUntypedCollectionsKeepTheirElementTypes() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("dates", new ArrayList<>(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2))));
    value.put("money", Map.of("eur", new BigDecimal("1.10")));
    value.put("ids", Set.of(1L, 2L));
    value.put("line", new Line("C-3", 4, BigDecimal.ONE));
    assertThat(roundTrip(value)).isEqualTo(value);
  }

  @Test
  void bytesAndNullRoundTrip() {
    assertThat((byte[]) roundTrip(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    assertThat(roundTrip(null)).isNull();
  }

  @Test
  void theStoredFormIsJsonNamingEachClass() {
    String stored =
        new String(typed.serialize(new Line("A-1", 2, new BigDecimal("9.90"))), StandardCharsets.UTF_8);
    assertThat(stored)
        .isEqualTo(
            "{\"@class\":\"io.larder.formats.JsonTypedSerializerTest$Line\",\"sku\":\"A-1\","
                + "\"quantity\":2,\"price\":[\"java.math.BigDecimal\",9.90]}");
  }

  @Test
  void writingAClassOutsideTheAllowListIsRefusedNamingItAndTheOption() {
    assertThatThrownBy(() -> strict.serialize(order()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.larder.formats.JsonTypedSerializerTest$Order")
        .hasMessageContaining("options.serializer_allow (com.example.orders)");
  }

  @Test
  void writingAnUnlistedClassNestedInAnAllowedOneIsRefused() {
    assertThatThrownBy(() -> typed.serialize(new Holder(new File("/etc/passwd"))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.io.File")
        .hasMessageContaining("options.serializer_allow");
  }

  @Test
  void readingAValueOfAClassNoLongerAllowedIsACorruptValueNotADisallowedClassError() {
    byte[] stored = typed.serialize(order());
    assertThatThrownBy(() -> strict.deserialize(stored))
        .isInstanceOf(SerializationException.class)
        .isNotInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("refusing to read a stored io.larder.formats.JsonTypedSerializerTest$Order")
        .hasMessageContaining("options.serializer_allow");
  }

  /** Known Jackson gadgets and classes that act when built, as crafted stored values name them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[\"java.lang.ProcessBuilder\", {\"command\": [\"touch\", \"/tmp/pwned\"]}]",
        "{\"@class\": \"java.lang.ProcessBuilder\", \"command\": [\"touch\", \"/tmp/pwned\"]}",
        "{\"@class\": \"com.sun.rowset.JdbcRowSetImpl\", \"dataSourceName\": \"ldap://127.0.0.1:1/x\","
            + " \"autoCommit\": true}",
        "[\"org.springframework.context.support.FileSystemXmlApplicationContext\","
            + " \"http://127.0.0.1:1/spel.xml\"]",
        "{\"@class\": \"com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl\","
            + " \"transletBytecodes\": [\"AAAA\"], \"transletName\": \"x\", \"outputProperties\": {}}",
        "{\"@class\": \"ch.qos.logback.core.db.DriverManagerConnectionSource\","
            + " \"url\": \"jdbc:h2:mem:;INIT=RUNSCRIPT FROM 'http://127.0.0.1:1/x.sql'\"}",
        "{\"@class\": \"java.util.logging.FileHandler\"}",
        "{\"@class\": \"java.util.Timer\"}",
        "[\"java.util.EnumSet<com.sun.rowset.JdbcRowSetImpl>\", []]",
        "[\"[Lcom.sun.rowset.JdbcRowSetImpl;\", [{}]]",
        "[\"java.util.ArrayList\", [{\"@class\": \"com.sun.rowset.JdbcRowSetImpl\"}]]",
        "{\"@class\": \"io.larder.formats.JsonTypedSerializerTest$Holder\","
            + " \"value\": {\"@class\": \"com.sun.rowset.JdbcRowSetImpl\"}}"
      })
  void aStoredValueNamingAnUnlistedClassIsRefusedAsCorrupt(String crafted) {
    assertThatThrownBy(() -> typed.deserialize(crafted.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .isNotInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("refusing to read a stored")
        .hasMessageContaining("options.serializer_allow");
  }

  @Test
  void aRefusedClassIsNeverLoadedNorInstantiated() {
    String crafted = "{\"@class\": \"io.larder.formats.JsonTypedSerializerTest$Tripwire\"}";
    assertThatThrownBy(() -> strict.deserialize(crafted.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("JsonTypedSerializerTest$Tripwire");
    assertThat(tripwiresInitialized).isZero();
    assertThat(tripwiresBuilt).isZero();
  }

  /** An allow-list naming a gadget's package still does not reach it: Jackson's own deny-list holds. */
  @Test
  void jacksonsDenyListStillRefusesAGadgetWhosePackageIsAllowed() {
    JsonTypedSerializer careless = new JsonTypedSerializer("default", List.of("com.sun.rowset"));
    String crafted =
        "{\"@class\": \"com.sun.rowset.JdbcRowSetImpl\", \"dataSourceName\": \"ldap://127.0.0.1:1/x\","
            + " \"autoCommit\": true}";
    assertThatThrownBy(() -> careless.deserialize(crafted.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("com.sun.rowset.JdbcRowSetImpl");
  }

  @Test
  void aValueWithoutItsClassIsCorrupt() {
    assertThatThrownBy(() -> typed.deserialize("{\"sku\": \"A-1\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a json_typed value");
  }

  @Test
  void theJsonSerializersMapperRecordsNoTypes() {
    assertThat(new String(new JsonSerializer().serialize(List.of(5L, new Line("A", 1, BigDecimal.ONE))),
            StandardCharsets.US_ASCII))
        .doesNotContain("@class")
        .doesNotContain("java.");
  }
}
