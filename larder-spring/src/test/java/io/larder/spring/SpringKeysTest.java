package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.interceptor.SimpleKey;

class SpringKeysTest {
  enum Shelf {
    FICTION
  }

  record Isbn(String value) {}

  static final class Opaque {}

  @Test
  void aStringIsItself() {
    assertThat(SpringKeys.of("user:42")).isEqualTo("user:42");
  }

  @Test
  void integersAreDecimalAsPythonPrintsThem() {
    assertThat(SpringKeys.of(42)).isEqualTo("42");
    assertThat(SpringKeys.of(-7L)).isEqualTo("-7");
    assertThat(SpringKeys.of((short) 3)).isEqualTo("3");
    assertThat(SpringKeys.of(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void booleansAndNullArePythonsTrueFalseAndNone() {
    assertThat(SpringKeys.of(true)).isEqualTo("True");
    assertThat(SpringKeys.of(false)).isEqualTo("False");
    assertThat(SpringKeys.of(new SimpleKey((Object) null))).isEqualTo("None");
  }

  @Test
  void decimalsEnumsUuidsDatesAndRecordsHaveTheirStableText() {
    assertThat(SpringKeys.of(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(SpringKeys.of(Shelf.FICTION)).isEqualTo("FICTION");
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(SpringKeys.of(id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(SpringKeys.of(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
    assertThat(SpringKeys.of(new Isbn("978-0"))).isEqualTo("Isbn[value=978-0]");
  }

  @Test
  void aSimpleKeyIsItsParametersJoinedByCommas() {
    assertThat(SpringKeys.of(new SimpleKey("books", 7, true))).isEqualTo("books,7,True");
  }

  @Test
  void theEmptySimpleKeyIsTheEmptyString() {
    assertThat(SpringKeys.of(SimpleKey.EMPTY)).isEmpty();
  }

  @Test
  void commasAndBackslashesInsideAParameterAreEscapedSoKeysStayApart() {
    assertThat(SpringKeys.of(new SimpleKey("a,b"))).isEqualTo("a\\,b");
    assertThat(SpringKeys.of(new SimpleKey("a", "b"))).isEqualTo("a,b");
    assertThat(SpringKeys.of(new SimpleKey("a\\", "b"))).isEqualTo("a\\\\,b");
  }

  @Test
  void arraysCollectionsAndMapsAreTheirElementsJoined() {
    assertThat(SpringKeys.of(new int[] {1, 2})).isEqualTo("1,2");
    assertThat(SpringKeys.of(List.of("x", 3))).isEqualTo("x,3");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("page", 2);
    map.put("lang", "en");
    assertThat(SpringKeys.of(map)).isEqualTo("page=2,lang=en");
  }

  @Test
  void anObjectWithoutItsOwnToStringIsRefusedWithTheWayOut() {
    assertThatThrownBy(() -> SpringKeys.of(new Opaque()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Opaque.class.getName())
        .hasMessageContaining("key expression");
  }
}
