package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Timeout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Django's memcached timeout rule, exactly ({@code BaseMemcachedCache.get_backend_timeout}). */
class ExptimeTest {
  private static final long NOW_MILLIS = 1_800_000_000_123L;

  @Test
  void neverIsExptimeZero() {
    assertThat(Exptime.expiresAtOnce(Timeout.NEVER)).isFalse();
    assertThat(Exptime.of(Timeout.NEVER, NOW_MILLIS)).isZero();
  }

  @Test
  void wholeSecondsOfZeroOrFewerExpireAtOnce() {
    assertThat(Exptime.expiresAtOnce(Timeout.seconds(0))).isTrue();
    assertThat(Exptime.expiresAtOnce(Timeout.seconds(0.9))).isTrue();
    assertThat(Exptime.expiresAtOnce(Timeout.seconds(-5))).isTrue();
    assertThat(Exptime.expiresAtOnce(Timeout.seconds(1))).isFalse();
  }

  @Test
  void fractionsAreCutAsPythonsIntDoes() {
    assertThat(Exptime.of(Timeout.seconds(100.9), NOW_MILLIS)).isEqualTo(100);
  }

  @Test
  void thirtyDaysIsStillRelativeAndMoreIsAnAbsoluteUnixTime() {
    assertThat(Exptime.of(Timeout.of(Duration.ofDays(30)), NOW_MILLIS)).isEqualTo(2_592_000);
    assertThat(Exptime.of(Timeout.seconds(2_592_001), NOW_MILLIS))
        .isEqualTo(1_800_000_000 + 2_592_001);
  }
}
