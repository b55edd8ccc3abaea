package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidCacheKeyException;
import org.junit.jupiter.api.Test;

/** memcached's 250-byte key limit, counted in UTF-8 as the server counts it. */
class WireKeyTest {
  @Test
  void twoHundredFiftyBytesPass() {
    assertThat(WireKey.check("a".repeat(250))).hasSize(250);
    assertThat(WireKey.check("é".repeat(125))).hasSize(125);
  }

  @Test
  void moreThanTwoHundredFiftyBytesFailWhateverTheCharacterCount() {
    assertThatThrownBy(() -> WireKey.check("é".repeat(126)))
        .isInstanceOf(InvalidCacheKeyException.class)
        .hasMessageContaining("longer than 250 bytes in UTF-8");
    assertThatThrownBy(() -> WireKey.check("清".repeat(84)))
        .isInstanceOf(InvalidCacheKeyException.class);
    // A surrogate pair is one code point of four bytes.
    assertThatThrownBy(() -> WireKey.check("\uD83D\uDE00".repeat(63)))
        .isInstanceOf(InvalidCacheKeyException.class);
    assertThat(WireKey.check("\uD83D\uDE00".repeat(62))).isNotEmpty();
  }
}
