package io.larder.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A process a test starts (a server, a Hazelcast member, a second JVM, Python, a command-line
 * tool), so that no such process can hang a build: its standard output and error go to files, not
 * pipes (a pipe nobody reads fills at 64 KB and then blocks the child for good); every wait is
 * bounded; a process that overruns its bound is destroyed with all its descendants; and every
 * failure is an {@link AssertionError} that names the process and ends with what it printed.
 *
 * <pre>{@code
 * // a command that runs to its end: its standard output, or a failure naming it
 * String version = ChildProcess.run("redis-server --version", Duration.ofSeconds(30),
 *     new ProcessBuilder("/usr/bin/redis-server", "--version"));
 *
 * // a server: started, waited for until it answers, killed at the end
 * try (ChildProcess server = ChildProcess.start("memcached on port 11311", builder)) {
 *   server.awaitReady("answer version", Duration.ofSeconds(10), () -> answers(11311));
 * }
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {
  /** How long a killed process may take to be gone before that is a failure of its own. */
  private static final Duration KILL_BOUND = Duration.ofSeconds(10);

  private static final int TAIL_LINES = 40;
  private static final long POLL_MILLIS = 20;

  private final String name;
  private final Process process;
  private final Path logs;
  private final Path stdout;
  private final Path stderr;
  private int linesRead;

  private ChildProcess(String name, Process process, Path logs) {
    this.name = name;
    this.process = process;
    this.logs = logs;
    this.stdout = logs.resolve("stdout.log");
    this.stderr = logs.resolve("stderr.log");
  }

  /**
   * Starts {@code builder}'s command with its output in files of this class's own (any output
   * redirection the builder had is replaced). Standard input stays as the builder says: a pipe by
   * default, which {@link #input()} writes to.
   *
   * @param name what failures call it, e.g. {@code "redis-server on port 6400"}
   * @throws AssertionError if the command cannot be started
   */
  public static ChildProcess start(String name, ProcessBuilder builder) {
    Path logs;
    try {
      logs = Files.createTempDirectory("larder-child-");
    } catch (IOException e) {
      throw new AssertionError("cannot create a directory for the output of " + name + ": " + e, e);
    }
    builder
        .redirectOutput(logs.resolve("stdout.log").toFile())
        .redirectError(logs.resolve("stderr.log").toFile());
    try {
      return new ChildProcess(name, builder.start(), logs);
    } catch (IOException e) {
      deleteDirectory(logs);
      throw new AssertionError("cannot start " + name + " (" + command(builder) + "): " + e, e);
    }
  }

  /**
   * Runs {@code builder}'s command to its end with no input, waiting at most {@code limit}, and
   * returns what it printed to its standard output.
   *
   * @throws AssertionError naming {@code name}, with its output, if it cannot start, exits with
   *     other than 0, or does not finish within {@code limit} (it and its descendants are then
   *     killed)
   */
  public static String run(String name, Duration limit, ProcessBuilder builder) {
    try (ChildProcess child = start(name, builder)) {
      child.closeInput();
      int status = child.awaitExit(limit);
      if (status != 0) {
        throw child.failure("exited with " + status);
      }
      return child.output();
    }
  }

  /** What failures call it. */
  public String name() {
    return name;
  }

  /** The operating system's id of the process, for {@link Signals}. */
  public long pid() {
    return process.pid();
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The process's standard input, when the builder left it a pipe. */
  public OutputStream input() {
    return process.getOutputStream();
  }

  /** Closes the process's standard input: it reads end of file. */
  public void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the process has gone: it reads nothing more either way
    }
  }

  /** Everything the process has printed to its standard output so far. */
  public String output() {
    return read(stdout);
  }

  /**
   * Waits at most {@code limit} for the process to end and returns its exit status.
   *
   * @throws AssertionError naming it, with its output, if it is still running at {@code limit}; it
   *     and its descendants are killed first
   */
  public int awaitExit(Duration limit) {
    if (!waitFor(limit)) {
      kill();
      throw failure("did not finish within " + seconds(limit) + " and was killed");
    }
    return process.exitValue();
  }

  /**
   * Waits at most {@code limit} until {@code ready} is true, asking every 20 ms; an exception
   * {@code ready} throws counts as not yet.
   *
   * @param what what readiness is, for the failure: {@code "answer PING"}
   * @throws AssertionError naming it, with its output, if it exits first or {@code limit} passes;
   *     then it is killed
   */
  public void awaitReady(String what, Duration limit, BooleanSupplier ready) {
    long deadline = System.nanoTime() + limit.toNanos();
    RuntimeException lastRefusal = null;
    AssertionError lastFailure = null;
    while (true) {
      try {
        if (ready.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        lastRefusal = e;
      } catch (AssertionError e) {
        lastFailure = e;
      }
      if (!process.isAlive()) {
        throw failure("exited with " + process.exitValue() + " before it would " + what);
      }
      if (System.nanoTime() - deadline > 0) {
        kill();
        Object last = lastFailure != null ? lastFailure.getMessage() : lastRefusal;
        throw failure(
            "did not "
                + what
                + " within "
                + seconds(limit)
                + " and was killed"
                + (last == null ? "" : " (last answer: " + last + ")"));
      }
      pause();
    }
  }

  /**
   * The next whole line the process prints to its standard output, waiting at most {@code limit}.
   *
   * @throws AssertionError naming it, with its output, if it exits first or {@code limit} passes
   */
  public String nextLine(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      boolean alive = process.isAlive();
      List<String> lines = wholeLines(read(stdout));
      if (lines.size() > linesRead) {
        return lines.get(linesRead++);
      }
      if (!alive) {
        throw failure("exited with " + process.exitValue() + " before printing another line");
      }
      if (System.nanoTime() - deadline > 0) {
        throw failure("printed no further line within " + seconds(limit));
      }
      pause();
    }
  }

  /**
   * Asks the process to stop (SIGTERM, so its shutdown hooks run), and kills it with its
   * descendants if it is still running after {@code grace}.
   */
  public void stop(Duration grace) {
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
  }

  /**
   * Kills the process and its descendants at once (SIGKILL), as a crash would, and waits until it
   * has gone.
   *
   * @throws AssertionError naming it if it is still there after 10 s
   */
  public void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (!waitFor(KILL_BOUND)) {
      throw failure("was still running " + seconds(KILL_BOUND) + " after SIGKILL");
    }
  }

  /**
   * A failure that names the process, says {@code what} happened, and ends with the last lines of
   * its standard output and error.
   */
  public AssertionError failure(String what) {
    return new AssertionError(
        name + " " + what + "\n--- its standard output ends:\n" + tail(stdout)
            + "\n--- its standard error ends:\n" + tail(stderr));
  }

  /** Kills the process and its descendants if they still run, and deletes its output files. */
  @Override
  public void close() {
    try {
      if (process.isAlive() || process.descendants().findAny().isPresent()) {
        kill();
      }
    } finally {
      deleteDirectory(logs);
    }
  }

  // ---------------------------------------------------------------- internals

  private boolean waitFor(Duration limit) {
    try {
      return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
  }

  private static List<String> wholeLines(String text) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (!text.isEmpty() && !text.endsWith("\n") && !lines.isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static String tail(Path file) {
    List<String> lines = read(file).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  private static String read(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) in.length()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static String command(ProcessBuilder builder) {
    return String.join(" ", builder.command());
  }

  private static String seconds(Duration limit) {
    return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void deleteDirectory(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
