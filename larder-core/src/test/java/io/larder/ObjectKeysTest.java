package io.larder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
  @Test
  void aStringKeyIsItself() {
    assertThat(ObjectKeys.of("user:42")).isEqualTo("user:42");
  }

  @Test
  void scalarsArePythonsStrForms() {
    assertThat(ObjectKeys.of(42L)).isEqualTo("42");
    assertThat(ObjectKeys.of(true)).isEqualTo("True");
    assertThat(ObjectKeys.of(null)).isEqualTo("None");
    assertThat(ObjectKeys.of(new BigDecimal("1.50"))).isEqualTo("1.50");
  }

  @Test
  void aDateIsItsUtcInstantToTheMillisecondSoDatesOfOneSecondStayApart() {
    Date date = new Date(1_796_684_596_123L);

    assertThat(ObjectKeys.of(date)).isEqualTo("2026-12-07T23:03:16.123Z");
    assertThat(ObjectKeys.of(new Date(date.getTime() + 1))).isNotEqualTo(ObjectKeys.of(date));
  }

  @Test
  void collectionsAndMapsJoinTheirElementsEscapingCommas() {
    assertThat(ObjectKeys.of(List.of("a,b", 7))).isEqualTo("a\\,b,7");
    assertThat(ObjectKeys.of(Map.of("page", 2))).isEqualTo("page=2");
  }

  @Test
  void aCompositeTypeIsJoinedAtEveryLevel() {
    record Pair(Object first, Object second) {}

    String key =
        ObjectKeys.of(
            List.of(new Pair("a", 1), "b"),
            k -> k instanceof Pair p ? new Object[] {p.first(), p.second()} : null);

    assertThat(key).isEqualTo("a\\,1,b");
  }

  @Test
  void anObjectWithoutItsOwnToStringIsRefused() {
    assertThatThrownBy(() -> ObjectKeys.of(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("toString()");
  }
}
