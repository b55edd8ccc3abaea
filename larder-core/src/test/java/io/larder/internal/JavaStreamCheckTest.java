package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.HostilePayloads;
import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java serializer's bounds on nesting and hashing work (issue 24), which {@link
 * JavaStreamCheck} enforces on the stream before {@code ObjectInputStream} reads it. The timeout
 * only stops a run that would otherwise hang; nothing here measures speed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavaStreamCheckTest {
  private final JavaSerializer serializer = new JavaSerializer("default", List.of());
  private final JavaSerializer allowingTests = new JavaSerializer("default", List.of("io.larder"));

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
}
