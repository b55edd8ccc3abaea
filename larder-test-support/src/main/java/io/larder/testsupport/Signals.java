package io.larder.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a POSIX signal to processes a test started, by their ids ({@code /bin/kill}): to freeze a
 * server as a hung one would (SIGSTOP), let it run again (SIGCONT), or kill it (SIGKILL).
 *
 * <pre>{@code
 * Signals.send("STOP", process.pid());
 * }</pre>
 */
public final class Signals {
  private static final Duration LIMIT = Duration.ofSeconds(10);

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
    ChildProcess.run(String.join(" ", command), LIMIT, new ProcessBuilder(command));
  }
}
