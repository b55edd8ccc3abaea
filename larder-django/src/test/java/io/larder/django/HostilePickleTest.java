package io.larder.django;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pickles a few hundred bytes long that hung the reader (issue 16) are refused at once. The timeout
 * only stops a run that would otherwise hang; nothing here measures speed.
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
  void nestedSharedListsGivenToSetByObjAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsInASetByObj(30)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void nestedSharedListsGivenToSetByInstAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsInASetByInst(30)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void nestedSharedListsGivenToSetByNewObjExAreRefusedNotHashedForever() {
    assertThatThrownBy(() -> pickle.deserialize(HostilePickles.sharedListsInASetByNewObjEx(30)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void aSetBuiltByEachOpcodeIsRead() {
    for (byte[] set :
        List.of(
            HostilePickles.sharedListsInASetByObj(3),
            HostilePickles.sharedListsInASetByInst(3),
            HostilePickles.sharedListsInASetByNewObjEx(3))) {
      assertThat(pickle.deserialize(set)).isInstanceOf(java.util.Set.class);
    }
  }

  @Test
  void oneWideFrozensetNamedAsManyDictKeysIsRefusedNotHashedOverAndOver() {
    byte[] hostile = HostilePickles.oneWideFrozensetAsManyDictKeys(100_000, 10_000);
    assertThatThrownBy(() -> pickle.deserialize(hostile))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("hash");
  }

  @Test
  void aFrozensetNamedAsAFewDictKeysIsRead() {
    Object dict = pickle.deserialize(HostilePickles.oneWideFrozensetAsManyDictKeys(1_000, 10));
    assertThat(dict).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).hasSize(1);
  }

  @Test
  void listsNestedToTheLimitAreRead() {
    // The dict and the lists in it: the limit's number of levels.
    byte[] atTheLimit = HostilePickles.nestedLists(DecodingBudget.MAX_DEPTH - 1);
    assertThat(pickle.deserialize(atTheLimit)).isInstanceOf(java.util.Map.class);
  }

  @Test
  void listsNestedPastTheLimitAreRefusedEvenWhenNothingHashesThem() {
    assertThatThrownBy(
            () -> pickle.deserialize(HostilePickles.nestedLists(DecodingBudget.MAX_DEPTH)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(DecodingBudget.MAX_DEPTH + " levels");
  }

  @Test
  void aDictKeyNestedPastTheLimitIsRefusedByTheLimitOnASmallStack() throws InterruptedException {
    byte[] deep = HostilePickles.nestedListsAsDictKey(200_000);
    Throwable[] refusal = new Throwable[1];
    Thread reader =
        new Thread(
            null,
            () -> {
              try {
                pickle.deserialize(deep);
              } catch (Throwable e) {
                refusal[0] = e;
              }
            },
            "small-stack",
            256 * 1024);
    reader.start();
    reader.join();
    assertThat(refusal[0])
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(DecodingBudget.MAX_DEPTH + " levels");
  }

  @Test
  void aListThatHoldsItselfIsRead() {
    byte[] loop = {(byte) 0x80, 4, ']', (byte) 0x94, 'h', 0, 'a', '.'};
    java.util.List<?> read = (java.util.List<?>) pickle.deserialize(loop);
    assertThat(read.get(0)).isSameAs(read);
  }

  @Test
  void twoListsThatHoldEachOtherAreRead() {
    // A = [B], B = [A]: the nesting walk follows the cycle once.
    byte[] loop = {(byte) 0x80, 4, ']', (byte) 0x94, ']', (byte) 0x94, 'h', 0, 'a', 'a', '.'};
    java.util.List<?> a = (java.util.List<?>) pickle.deserialize(loop);
    assertThat(((java.util.List<?>) a.get(0)).get(0)).isSameAs(a);
  }

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
