package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.larder.DisallowedClassException;
import io.larder.HostilePayloads;
import io.larder.SerializationException;
import io.larder.internal.JavaSerializer;
import io.larder.spi.DecodingBudget;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    assertThatThrownBy(() -> serializer.deserialize(bytes))
        .isInstanceOf(DisallowedClassException.class)
        .extracting(e -> ((DisallowedClassException) e).className())
        .isEqualTo(Point.class.getName());
  }

  @Test
  void anArrayOfAnInterfaceTypeIsReadWithItsAllowedElements() {
    java.io.Serializable[] state = {"title", 42L, null};

    assertThat((Object[]) serializer.deserialize(serializer.serialize(state)))
        .isInstanceOf(java.io.Serializable[].class)
        .containsExactly("title", 42L, null);
  }

  @Test
  void anArrayOfAnInterfaceTypeStillRefusesADisallowedElement() {
    byte[] bytes = serializer.serialize(new java.io.Serializable[] {new Point(1, 2)});

    assertThatThrownBy(() -> serializer.deserialize(bytes))
        .isInstanceOf(DisallowedClassException.class)
        .extracting(e -> ((DisallowedClassException) e).className())
        .isEqualTo(Point.class.getName());
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
        .isInstanceOf(SerializationException.class)
        .isNotInstanceOf(DisallowedClassException.class)
        .hasMessageStartingWith("Cache 'default': stored bytes are not a java-serialized value");
  }

  // ------------------------------------------------------------ hostile streams (issue 16)

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void nestedSetsSharingTheirMembersAreRefusedInsteadOfHashedForever() {
    byte[] serialDos = HostilePayloads.serialDos(100);
    assertThat(serialDos.length).isLessThan(6 * 1024);
    assertThatThrownBy(() -> serializer.deserialize(serialDos))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("share members");
  }

  @Test
  void anArrayLongerThanTheStreamCouldHoldIsRefusedBeforeItIsAllocated() {
    byte[] lie = HostilePayloads.hugeArrayLength();
    assertThat(lie.length).isLessThan(5 * 1024);
    // REJECTED: the filter refused the length as read, before any array was made.
    assertThatThrownBy(() -> serializer.deserialize(lie))
        .isInstanceOf(SerializationException.class)
        .isNotInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("not a java-serialized value")
        .hasMessageContaining("REJECTED");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedNotAStackOverflow() {
    byte[] deep = HostilePayloads.deeplyNested(100_000);
    // Refused by the depth limit, before anything recurses: a miss, not an Error.
    assertThatThrownBy(() -> serializer.deserialize(deep))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a java-serialized value")
        .hasMessageContaining(DecodingBudget.MAX_DEPTH + " levels")
        .cause()
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void nestingWithinTheLimitIsRead() {
    // The outer list and the lists nested in it: the limit's number of levels.
    int nested = DecodingBudget.MAX_DEPTH - 1;
    Object level = serializer.deserialize(HostilePayloads.deeplyNested(nested));
    for (int depth = 0; depth < nested; depth++) {
      assertThat(level).as("the list at depth %d", depth).asInstanceOf(LIST).hasSize(1);
      level = ((List<?>) level).get(0);
    }
    assertThat(level).as("the innermost list").asInstanceOf(LIST).isEmpty();
  }

  @Test
  void sharedMembersWithinTheBudgetAreRead() {
    Set<Object> shared = new HashSet<>(List.of("a", "b"));
    List<Object> value = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      value.add(Map.of("set", shared, "n", i));
    }
    assertThat(serializer.deserialize(serializer.serialize(value))).isEqualTo(value);
  }

  @Test
  void aWriteThatNestsTooDeeplyIsASerializationExceptionNotAStackOverflow() {
    List<Object> deep = new java.util.ArrayList<>();
    List<Object> innermost = deep;
    for (int i = 0; i < 100_000; i++) {
      List<Object> next = new java.util.ArrayList<>();
      innermost.add(next);
      innermost = next;
    }
    assertThatThrownBy(() -> serializer.serialize(deep))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot serialize a java.util.ArrayList")
        .hasCauseInstanceOf(StackOverflowError.class);
  }
}
