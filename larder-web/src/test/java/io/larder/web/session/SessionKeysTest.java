package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionKeysTest {
  @Test
  void aKeyIs32CharactersOfLowerCaseLettersAndDigits() {
    assertThat(SessionKeys.generate()).matches("[a-z0-9]{32}");
  }

  @Test
  void keysDoNotRepeat() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(SessionKeys.generate());
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void everyCharacterOfTheAlphabetIsUsed() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      for (char c : SessionKeys.generate().toCharArray()) {
        seen.add(c);
      }
    }
    assertThat(seen).hasSize(36);
  }

  @Test
  void onlyValuesThatCouldBeKeysAreWellFormed() {
    assertThat(SessionKeys.isWellFormed(SessionKeys.generate())).isTrue();
    assertThat(SessionKeys.isWellFormed("abcd1234")).isTrue();
    assertThat(SessionKeys.isWellFormed("abc123")).isFalse();
    assertThat(SessionKeys.isWellFormed("a".repeat(41))).isFalse();
    assertThat(SessionKeys.isWellFormed("ABCDEFGH12345678")).isFalse();
    assertThat(SessionKeys.isWellFormed("abcd 1234")).isFalse();
    assertThat(SessionKeys.isWellFormed(null)).isFalse();
  }
}
