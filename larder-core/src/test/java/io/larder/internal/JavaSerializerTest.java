package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import io.larder.internal.JavaSerializer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaSerializerTest {
  private final JavaSerializer serializer = new JavaSerializer("default", List.of());

  record Point(int x, int y) implements Serializable {}

  @Test
  void theJdkTypesRoundTrip() {
    Object value =
        Map.of("when", LocalDateTime.of(2026, 11, 22, 12, 0), "amount", new BigDecimal("1.50"), "list", List.of(1, 2));
    assertThat(serializer.deserialize(serializer.serialize(value))).isEqualTo(value);
  }

  @Test
  void nullRoundTrips() {
    assertThat(serializer.deserialize(serializer.serialize(null))).isNull();
  }

  @Test
  void aClassOutsideTheAllowListIsNeverInstantiated() {
    byte[] bytes = serializer.serialize(new Point(1, 2));
    assertThatThrownBy(() -> serializer.deserialize(bytes))
        .isInstanceOf(DisallowedClassException.class)
        .hasMessageContaining(Point.class.getName())
        .hasMessageContaining("options.serializer_allow")
        .extracting(e -> ((DisallowedClassException) e).className())
        .isEqualTo(Point.class.getName());
  }

  @Test
  void aClassNestedInAnAllowedCollectionIsStillRejected() {
    byte[] bytes = serializer.serialize(List.of(new Point(1, 2)));
    assertThatThrownBy(() -> serializer.deserialize(bytes)).isInstanceOf(DisallowedClassException.class);
  }

  @Test
  void anAllowedPackageIsDeserialized() {
    JavaSerializer allowing = new JavaSerializer("default", List.of("io.larder"));
    assertThat(allowing.deserialize(allowing.serialize(new Point(1, 2)))).isEqualTo(new Point(1, 2));
  }

  @Test
  void anUnserializableValueIsAClearError() {
    assertThatThrownBy(() -> serializer.serialize(new Object()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("Serializable");
  }

  @Test
  void bytesThatAreNotASerializedValueAreAnError() {
    assertThatThrownBy(() -> serializer.deserialize(new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class);
  }
}
