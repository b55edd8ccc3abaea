package io.larder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MadeKeyMemoTest {
  private final MadeKeyMemo memo = new MadeKeyMemo();

  @Test
  void remembersByEqualityNotIdentity() {
    memo.put("user:42", ":1:user:42");
    assertThat(memo.get(new String("user:42"))).isEqualTo(":1:user:42");
    assertThat(memo.get("user:43")).isNull();
  }

  @Test
  void aKeyThatTakesTheSlotEvictsTheOldOneAndNeverAnswersForIt() {
    for (int i = 0; i < 100_000; i++) {
      memo.put("k" + i, ":1:k" + i);
    }
    for (int i = 0; i < 100_000; i++) {
      String made = memo.get("k" + i);
      assertThat(made).isIn(null, ":1:k" + i);
    }
    assertThat(memo.get("k99999")).isEqualTo(":1:k99999");
  }
}
