package io.larder.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A test server's process: started and waited for by its server class, killed, frozen and thawed by
 * the tests that play faults on it.
 */
abstract class ServerProcess {
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
  synchronized void startProcess(
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
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Kills the process at once (SIGKILL), as a crash would, and waits until it is gone; what it held
   * only in memory is lost.
   */
  public synchronized void kill() {
    if (process != null) {
      try {
        process.kill();
      } finally {
        process.close();
        process = null;
      }
    }
  }

  /** Stops the process without ending it (SIGSTOP), as a hung server: it accepts, never answers. */
  public synchronized void freeze() {
    signal("STOP");
  }

  /** Lets a {@link #freeze frozen} process run again (SIGCONT). */
  public synchronized void thaw() {
    signal("CONT");
  }

  private void signal(String signal) {
    if (process == null) {
      throw new IllegalStateException(name + " is not running");
    }
    Signals.send(signal, process.pid());
  }
}
