package io.larder.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends a POSIX signal to processes a test started, by their ids ({@code /bin/kill}): to freeze a
 * server as a hung one would (SIGSTOP), let it run again (SIGCONT), or kill it (SIGKILL).
 *
 * <pre>{@code
 * Signals.send("STOP", process.pid());
 * }</pre>
 */
public final class Signals {
  private Signals() {}

  /** Sends {@code signal} ({@code "STOP"}, {@code "CONT"}, {@code "KILL"}) to each of {@code pids}. */
  public static void send(String signal, long... pids) {
    if (pids.length == 0) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("/bin/kill", "-" + signal));
    for (long pid : pids) {
      command.add(String.valueOf(pid));
    }
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      kill.getOutputStream().close();
      String output = new String(kill.getInputStream().readAllBytes());
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run /bin/kill: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted sending SIG" + signal, e);
    }
  }
}
