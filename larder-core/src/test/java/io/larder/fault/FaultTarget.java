package io.larder.fault;

/**
 * The server a {@link FaultRun} hurts: its own process on loopback, started by the test.
 *
 * <pre>{@code
 * FaultTarget target = FaultTarget.of(server::kill, server::restart, server::freeze, server::thaw,
 *     server::restart, true);
 * }</pre>
 */
public interface FaultTarget {
  /** Kills the server at once (SIGKILL), as a crash would. */
  void kill();

  /** Starts a {@link #kill killed} server again, on the same port, and waits until it answers. */
  void startAgain();

  /** Stops the server without ending it (SIGSTOP): it accepts connections and never answers. */
  void freeze();

  /** Lets a {@link #freeze frozen} server run again (SIGCONT). */
  void thaw();

  /** Stops and starts the server at once, and waits until it answers. */
  void restart();

  /**
   * True if what the server acknowledged survives a kill and a restart (Redis with {@code
   * appendfsync always}, a database); false for a server that holds data in memory only
   * (memcached), whose acknowledged writes from before a kill are lost by design and not checked.
   */
  boolean keepsDataWhenKilled();

  /** A target made of these actions. */
  static FaultTarget of(
      Runnable kill,
      Runnable startAgain,
      Runnable freeze,
      Runnable thaw,
      Runnable restart,
      boolean keepsDataWhenKilled) {
    return new FaultTarget() {
      @Override
      public void kill() {
        kill.run();
      }

      @Override
      public void startAgain() {
        startAgain.run();
      }

      @Override
      public void freeze() {
        freeze.run();
      }

      @Override
      public void thaw() {
        thaw.run();
      }

      @Override
      public void restart() {
        restart.run();
      }

      @Override
      public boolean keepsDataWhenKilled() {
        return keepsDataWhenKilled;
      }
    };
  }
}
