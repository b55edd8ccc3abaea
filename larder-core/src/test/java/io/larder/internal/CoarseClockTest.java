package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The coarse clock costs a thread only while it is read. */
class CoarseClockTest {
  private static boolean tickerRuns() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("larder-clock") && t.isAlive());
  }

  @Test
  void readingStartsTheTickerAndItStopsWhenNoLongerRead() throws InterruptedException {
    long read = CoarseClock.INSTANCE.millis();
    assertThat(Math.abs(read - System.currentTimeMillis())).isLessThan(1000);
    assertThat(tickerRuns()).isTrue();
    // Bounded wait (not a timing assertion): the ticker ends within a few idle seconds.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (tickerRuns() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(tickerRuns()).isFalse();
  }
}
