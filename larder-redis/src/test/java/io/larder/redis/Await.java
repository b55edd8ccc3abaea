package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.BackendUnavailableException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something only a server's own clock or process decides (a key expiring, a failover, a
 * restart): polls {@code condition} every 20 ms and fails once {@code bound} has passed. A {@link
 * BackendUnavailableException} from the condition counts as not yet.
 */
public final class Await {
  private Await() {}

  public static void until(String what, Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!holds(condition)) {
      assertThat(System.nanoTime()).as(what + " within " + bound).isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }

  private static boolean holds(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (BackendUnavailableException e) {
      return false;
    }
  }
}
