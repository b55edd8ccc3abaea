package io.larder.hazelcast;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, bounded, for something the cluster does in its own time (expiry, a member joining). */
final class Await {
  private Await() {}

  static void until(String what, Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + bound + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for: " + what, e);
      }
    }
  }
}
