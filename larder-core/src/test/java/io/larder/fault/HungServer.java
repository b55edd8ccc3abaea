package io.larder.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import java.time.Duration;

/**
 * What a hung server (SIGSTOP: connections open, no answers) may cost a caller: one command
 * timeout per call at most, never two (no retry that doubles the wait); and once the cache failing
 * open has given up on it (its circuit breaker, or its pool resting the server), nothing at all.
 * The bounds are generous (twice the timeout; half of it), so a loaded machine does not fail them.
 *
 * <pre>{@code
 * HungServer.assertBounded(strict, failOpen, Duration.ofSeconds(1), server::freeze, server::thaw);
 * }</pre>
 */
public final class HungServer {
  private static final int CALLS = 3;
  private static final int CALLS_ONCE_GIVEN_UP = 20;

  private HungServer() {}

  /**
   * Freezes the server and checks both caches' calls against {@code timeout}, the command timeout
   * both are configured with; the failing-open cache must give up on the server after its first
   * failed call for longer than this check lasts.
   */
  public static void assertBounded(
      Cache strict, Cache failOpen, Duration timeout, Runnable freeze, Runnable thaw) {
    strict.set("hung", "before");
    failOpen.set("hung", "before");
    freeze.run();
    try {
      for (int i = 0; i < CALLS; i++) {
        Runnable call =
            () ->
                assertThatThrownBy(() -> strict.get("hung"))
                    .isInstanceOf(BackendUnavailableException.class);
        assertThat(timed(call))
            .as("strict call %d to a hung server", i)
            .isLessThan(timeout.multipliedBy(2));
      }
      assertThat(timed(() -> assertThat((Object) failOpen.get("hung")).isNull()))
          .as("the first call failing open")
          .isLessThan(timeout.multipliedBy(2));
      for (int i = 0; i < CALLS_ONCE_GIVEN_UP; i++) {
        assertThat(timed(() -> assertThat(failOpen.get("hung", "miss")).isEqualTo("miss")))
            .as("call %d failing open after the first failed", i)
            .isLessThan(timeout.dividedBy(2));
      }
    } finally {
      thaw.run();
    }
  }

  private static Duration timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
