package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.DisallowedClassException;
import io.larder.HostilePayloads;
import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JavaSerializerTest {
  private final JavaSerializer serializer = new JavaSerializer("default", List.of());
  private final JavaSerializer allowingTests = new JavaSerializer("default", List.of("io.larder"));

  record Point(int x, int y) implements Serializable {}

  @Test
  void theJdkTypesRoundTrip() {
    Object value =
        Map.of(
            "when",
            LocalDateTime.of(2026, 11, 22, 12, 0),
            "amount",
            new BigDecimal("1.50"),
            "list",
            List.of(1, 2));
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
        .isInstanceOf(DisallowedClassException.class);
  }

  @Test
  void anAllowedPackageIsDeserialized() {
    JavaSerializer allowing = new JavaSerializer("default", List.of("io.larder"));
    assertThat(allowing.deserialize(allowing.serialize(new Point(1, 2))))
        .isEqualTo(new Point(1, 2));
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
    assertThatThrownBy(() -> serializer.deserialize(lie))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedNotAStackOverflow() {
    byte[] deep = HostilePayloads.deeplyNested(100_000);
    // Refused by the depth limit, before anything recurses: a miss, not an Error.
    assertThatThrownBy(() -> serializer.deserialize(deep))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void nestingWithinTheLimitIsRead() {
    // The outer list and the lists nested in it: the limit's number of levels.
    byte[] atTheLimit = HostilePayloads.deeplyNested(DecodingBudget.MAX_DEPTH - 1);
    assertThat(serializer.deserialize(atTheLimit)).isInstanceOf(List.class);
  }

  @Test
  void nestingToTheLimitIsReadOnASmallStack() throws Exception {
    byte[] atTheLimit = HostilePayloads.deeplyNested(DecodingBudget.MAX_DEPTH - 1);
    assertThat(onASmallStack(() -> serializer.deserialize(atTheLimit))).isInstanceOf(List.class);
  }

  @Test
  void nestingPastTheLimitIsRefusedByTheLimitEvenOnASmallStack() throws Exception {
    byte[] deep = HostilePayloads.deeplyNested(100_000);
    assertThat((Throwable) onASmallStack(() -> refusal(deep)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(DecodingBudget.MAX_DEPTH + " levels");
  }

  @Test
  void aChainOfBackReferencesNestedPastTheLimitIsRefusedBeforeItIsHashed() {
    byte[] chain = HostilePayloads.chainOfBackReferencesInAHashSet(100_000);
    assertThatThrownBy(() -> serializer.deserialize(chain))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(DecodingBudget.MAX_DEPTH + " levels");
  }

  @Test
  void aHashSetNamingOneSharedListAThousandTimesIsRefusedNotHashedAThousandTimes() {
    byte[] hostile = HostilePayloads.hashSetNamingOneSharedListByBackReference(20, 1_000);
    assertThat(hostile.length).isLessThan(6 * 1024);
    assertThatThrownBy(() -> serializer.deserialize(hostile))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("share members");
  }

  @Test
  void aHashSetNamingOneLargeBitSetManyTimesIsRefused() {
    // 128 KB of bits, hashed word by word for each of 10,000 set members that name it.
    java.util.BitSet bits = new java.util.BitSet();
    bits.set(0, 1 << 20);
    Set<Object> set = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      set.add(new java.util.ArrayList<>(List.of(i, bits)));
    }
    assertThatThrownBy(() -> serializer.deserialize(HostilePayloads.javaSerialized(set)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("share members");
  }

  @Test
  void aHashSetNamingOneSharedListOnceIsRead() {
    byte[] once = HostilePayloads.hashSetNamingOneSharedListByBackReference(3, 1);
    assertThat(serializer.deserialize(once)).isInstanceOf(Set.class);
  }

  @Test
  void aListThatHoldsItselfIsRead() {
    List<Object> loop = new java.util.ArrayList<>();
    loop.add(loop);
    List<?> read = (List<?>) serializer.deserialize(HostilePayloads.javaSerialized(loop));
    assertThat(read.get(0)).isSameAs(read);
  }

  @Test
  void aSetMemberThatHoldsTheSetIsRefusedNotHashedForever() {
    Set<Object> set = new HashSet<>();
    List<Object> first = new java.util.ArrayList<>();
    List<Object> second = new java.util.ArrayList<>();
    set.add(first);
    set.add(second);
    first.add(set);
    second.add(set);
    assertThatThrownBy(() -> serializer.deserialize(HostilePayloads.javaSerialized(set)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("contains itself");
  }

  @Test
  void objectsThatPointBackToTheirParentInAHashSetAreRead() {
    Parent parent = new Parent();
    parent.children.add(new Child(parent));
    parent.children.add(new Child(parent));
    Parent read = (Parent) allowingTests.deserialize(allowingTests.serialize(parent));
    assertThat(read.children)
        .hasSize(2)
        .allSatisfy(child -> assertThat(child.parent).isSameAs(read));
  }

  @Test
  void aLargeMapSharedByManyObjectsIsRead() {
    Map<String, Integer> shared = new java.util.HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      shared.put("key " + i, i);
    }
    List<Child> children = new java.util.ArrayList<>();
    Parent parent = new Parent();
    parent.lookup = shared;
    for (int i = 0; i < 10_000; i++) {
      children.add(new Child(parent));
    }
    List<?> read = (List<?>) allowingTests.deserialize(allowingTests.serialize(children));
    assertThat(read).hasSize(10_000);
  }

  static final class Parent implements java.io.Serializable {
    Map<String, Integer> lookup;

    final Set<Child> children = new HashSet<>();
  }

  static final class Child implements java.io.Serializable {
    final Parent parent;

    Child(Parent parent) {
      this.parent = parent;
    }
  }

  private static Throwable refusal(byte[] bytes) {
    try {
      new JavaSerializer("default", List.of()).deserialize(bytes);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Runs {@code read} on a thread of 384 KB of stack, a third of the JVM's default. */
  private static Object onASmallStack(java.util.concurrent.Callable<Object> read) throws Exception {
    Object[] result = new Object[1];
    Throwable[] error = new Throwable[1];
    Thread reader =
        new Thread(
            null,
            () -> {
              try {
                result[0] = read.call();
              } catch (Throwable e) {
                error[0] = e;
              }
            },
            "small-stack",
            384 * 1024);
    reader.start();
    reader.join();
    if (error[0] != null) {
      throw new AssertionError("the read threw " + error[0], error[0]);
    }
    return result[0];
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
    assertThatThrownBy(() -> serializer.serialize(deep)).isInstanceOf(SerializationException.class);
  }
}
