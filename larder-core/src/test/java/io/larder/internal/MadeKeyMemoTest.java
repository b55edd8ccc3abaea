package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidCacheKeyException;
import io.larder.KeyFunction;
import org.junit.jupiter.api.Test;

class MadeKeyMemoTest {
  private final KeyMaker keys = new KeyMaker("default", KeyFunction.django(), "p", 1, true, 300, java.time.InstantSource.system());

  @Test
  void aRememberedKeyIsTheSameMadeStringEachTime() {
    String first = keys.make("user:42", 1);
    assertThat(first).isEqualTo("p:1:user:42");
    assertThat(keys.make(new String("user:42"), 1)).isSameAs(first);
  }

  @Test
  void keysThatShareASlotAreEachMadeRight() {
    MadeKeyMemo memo = new MadeKeyMemo(1);
    // "Aa" and "BB" have the same hash, so they contest one slot.
    memo.remember("Aa", "p:1:Aa");
    memo.remember("BB", "p:1:BB");
    assertThat(memo.find("Aa")).isNull();
    assertThat(memo.find("BB")).isEqualTo("p:1:BB");
    assertThat(keys.make("Aa", 1)).isEqualTo("p:1:Aa");
    assertThat(keys.make("BB", 1)).isEqualTo("p:1:BB");
  }

  @Test
  void otherVersionsAreMadeAfresh() {
    assertThat(keys.make("k", 1)).isEqualTo("p:1:k");
    assertThat(keys.make("k", 2)).isEqualTo("p:2:k");
  }

  @Test
  void anInvalidKeyIsNeverRememberedSoItIsRefusedEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> keys.make("has space", 1))
          .isInstanceOf(InvalidCacheKeyException.class);
    }
  }

  @Test
  void theTableIsSizedByTheExpectedKeys() {
    MadeKeyMemo small = new MadeKeyMemo(0);
    for (int i = 0; i < 100; i++) {
      small.remember("k" + i, "p:1:k" + i);
    }
    int found = 0;
    for (int i = 0; i < 100; i++) {
      found += small.find("k" + i) != null ? 1 : 0;
    }
    assertThat(found).isLessThanOrEqualTo(16);
  }
}
