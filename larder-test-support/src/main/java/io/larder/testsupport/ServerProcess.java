package io.larder.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The process of a test server while it runs: started and waited for by its server class, killed,
 * frozen and thawed by the tests that play faults on it.
 */
final class ServerProcess {
  private final String name;
  private ChildProcess process;

  /**
   * @param name what failures call the process, e.g. {@code "memcached on 127.0.0.1:11311"}
   */
  ServerProcess(String name) {
    this.name = name;
  }

  /**
   * Starts {@code builder}'s command with no input and waits until {@code ready} is true.
   *
   * @param readiness what {@code ready} checks, for the failure message
   * @throws AssertionError if the process does not start or is not ready within {@code bound}
   */
  synchronized void start(
      ProcessBuilder builder, String readiness, Duration bound, BooleanSupplier ready) {
    process = ChildProcess.start(name, builder);
    process.closeInput();
    try {
      process.awaitReady(readiness, bound, ready);
    } catch (AssertionError e) {
      process.close();
      process = null;
      throw e;
    }
  }

  /** True while the process runs. */
  synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
  synchronized void kill() {
    if (process != null) {
      try {
        process.kill();
      } finally {
        process.close();
        process = null;
      }
    }
  }

  /** Sends the signal {@code signal} ({@code "STOP"}, {@code "CONT"}) to the running process. */
  synchronized void signal(String signal) {
    if (process == null) {
      throw new IllegalStateException(name + " is not running");
    }
    Signals.send(signal, process.pid());
  }
}
