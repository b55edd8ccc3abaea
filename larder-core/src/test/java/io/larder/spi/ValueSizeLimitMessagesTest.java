package io.larder.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import org.junit.jupiter.api.Test;

/** {@link ValueSizeLimit}: what a store with a lower limit than its cache's tells the caller. */
class ValueSizeLimitMessagesTest {
  @Test
  void bytesWithinTheLimitPassAsTheyAre() {
    byte[] bytes = new byte[10];
    assertThat(ValueSizeLimit.of("default", 10).checkWrite(bytes)).isSameAs(bytes);
    assertThat(ValueSizeLimit.of("default", 10).checkRead(bytes)).isSameAs(bytes);
  }

  @Test
  void aWriteOverTheLimitNamesTheCacheTheSizeAndTheLimit() {
    assertThatThrownBy(() -> ValueSizeLimit.of("default", 10).checkWrite(new byte[11]))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cache 'default': a value of 11 bytes is over options.max_value_size (10 bytes)");
  }

  @Test
  void aLimitLowerThanTheCachesSaysWhy() {
    ValueSizeLimit limit = ValueSizeLimit.of("sessions", 10, "the server takes at most 10 bytes");
    assertThatThrownBy(() -> limit.checkWrite(new byte[11]))
        .hasMessage(
            "Cache 'sessions': a value of 11 bytes is over options.max_value_size (10 bytes;"
                + " the server takes at most 10 bytes)");
  }

  @Test
  void aReadOverTheLimitIsRefused() {
    assertThatThrownBy(() -> ValueSizeLimit.of("default", 10).checkRead(new byte[11]))
        .isInstanceOf(SerializationException.class)
        .hasMessage("11 stored bytes are over options.max_value_size (10)");
  }
}
