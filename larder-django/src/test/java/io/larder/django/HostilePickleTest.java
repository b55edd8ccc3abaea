package io.larder.django;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.larder.SerializationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pickles a few hundred bytes long that hung the reader (issue 16) are refused at once. The
 * timeout only stops a run that would otherwise hang; nothing here measures speed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostilePickleTest {
  private final PickleSerializer pickle =
      new PickleSerializer("default", new PythonGlobals(List.of()));

  @Test
  void nestedSharedListsNamedAsAGlobalAreRefusedNotTurnedIntoText() {
    byte[] hostile = HostilePickles.sharedListsAsGlobalName(60);
    assertThat(hostile.length).isLessThan(500);
    assertThatThrownBy(() -> pickle.deserialize(hostile))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("global");
  }

  @Test
  void nestedSharedListsAsADictKeyAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsAsDictKey(60)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void nestedSharedListsInASetAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsInASet(60)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void nestedSharedListsGivenToFrozensetAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsInAFrozensetCall(60)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  /** The payload the key tests refuse, as a value: nothing hashes it, so it is read as it is. */
  @Test
  void nestedSharedListsAsAValueAreRead() {
    Object value = pickle.deserialize(HostilePickles.sharedListsAsDictValue(60));

    assertThat(value).asInstanceOf(MAP).containsOnlyKeys((Object) null);
    Object level = ((Map<?, ?>) value).get(null);
    for (int depth = 60; depth > 0; depth--) {
      List<?> list = (List<?>) level;
      assertThat(list).as("the list at level %d", depth).hasSize(2);
      assertThat(list.get(1)).as("the list at level %d shares its members", depth)
          .isSameAs(list.get(0));
      level = list.get(0);
    }
    assertThat(level).as("the innermost list").asInstanceOf(LIST).isEmpty();
  }

  @Test
  void anIntegerOfMoreDigitsThanPythonConvertsIsRefused() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.longDecimalInt(1_000_000)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("4300");
  }

  @Test
  void anIntegerOfPythonsMaximumDigitsIsRead() {
    assertThat(pickle.deserialize(HostilePickles.longDecimalInt(4300)))
        .isEqualTo(new BigInteger("9".repeat(4300)));
  }

  @Test
  void aDecimalOfAMillionDigitsIsRefused() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.longDecimal(1_000_000)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("digits");
  }

  @Test
  void aDecimalOfManyDigitsIsRead() {
    assertThat(pickle.deserialize(HostilePickles.longDecimal(4000)))
        .isEqualTo(new BigDecimal("9".repeat(4000)));
  }

  @Test
  void listsNestedDeeperThanTheStackAreASerializationErrorWhenHashed() {
    StringBuilder deep = new StringBuilder("\u0080\u0004}");
    deep.append("(".repeat(200_000)).append("l".repeat(200_000)).append("Ns.");
    byte[] bytes = deep.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> pickle.deserialize(bytes)).isInstanceOf(SerializationException.class);
  }
}
