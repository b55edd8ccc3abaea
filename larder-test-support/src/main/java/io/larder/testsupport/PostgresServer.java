package io.larder.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of the test's own, for tests that stop and restart the database
 * (the machine's shared server must never be stopped): {@code initdb} into a temporary directory,
 * run by Debian's {@code pg_ctl} on a free 127.0.0.1 port, as the {@code postgres} user when the
 * test runs as root (PostgreSQL refuses to run as root). Fails, never skips, when PostgreSQL is not
 * installed, naming the package.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.start()) {
 *   String url = server.jdbcUrl();      // jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres
 *   server.stop();                      // the database goes down; the port is kept
 *   server.restart();
 *   server.freeze();                    // hung: SIGSTOP to every server process
 *   server.thaw();
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path DEBIAN_PREFIX = Path.of("/usr/lib/postgresql");
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final Thread stopAtExit;
  private boolean running;
  private long[] frozen = new long[0];

  private PostgresServer(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.stopAtExit = new Thread(this::stopQuietly, "stop-postgres-" + port);
  }

  /**
   * Creates a cluster in a new temporary directory and starts it.
   *
   * @throws AssertionError if PostgreSQL is not installed or does not start
   */
  public static PostgresServer start() {
    Path bin = binaries();
    try {
      Path dir = Files.createTempDirectory("larder-postgres-");
      PostgresServer server = new PostgresServer(bin, dir, freePort());
      server.initdb();
      Runtime.getRuntime().addShutdownHook(server.stopAtExit);
      server.restart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on, on 127.0.0.1; the same across restarts. */
  public int port() {
    return port;
  }

  /** The JDBC URL of its {@code postgres} database, as the {@code postgres} superuser. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Starts the server (again) and waits until it accepts connections. */
  public synchronized void restart() {
    if (running) {
      return;
    }
    pgCtl(
        "start",
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off");
    running = true;
  }

  /** Stops the server at once ({@code -m fast}: open connections are cut), and waits. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    pgCtl("stop", "-m", "fast");
    running = false;
  }

  /**
   * Kills the server and every process it started at once (SIGKILL), as a crash of its machine
   * would; {@link #restart()} starts it again (PostgreSQL recovers from its log).
   */
  public synchronized void kill() {
    if (!running) {
      return;
    }
    Signals.send("KILL", processes());
    running = false;
  }

  /**
   * Stops the server and every process it started without ending them (SIGSTOP), as a hung server:
   * connections stay open, nothing answers.
   */
  public synchronized void freeze() {
    // The postmaster first, so that it forks no backend (a pool opening a connection) between
    // the listing of its children and their stop: such a backend would go on answering.
    long[] all = processes();
    Signals.send("STOP", all[0]);
    frozen = processes();
    Signals.send("STOP", frozen);
  }

  /** Lets a {@link #freeze frozen} server run again (SIGCONT). */
  public synchronized void thaw() {
    Signals.send("CONT", frozen);
    frozen = new long[0];
  }

  /** The postmaster's id (the first line of its lock file) and its children's. */
  private long[] processes() {
    try {
      long postmaster =
          Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
      return Stream.concat(
              Stream.of(postmaster),
              ProcessHandle.of(postmaster).stream()
                  .flatMap(ProcessHandle::descendants)
                  .map(ProcessHandle::pid))
          .mapToLong(Long::longValue)
          .toArray();
    } catch (IOException e) {
      throw new AssertionError("PostgreSQL on port " + port + " is not running: " + e, e);
    }
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // The hook is running or about to: it stops the server.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (AssertionError ignored) {
      // The JVM is exiting; nothing more can be done.
    }
  }

  private void initdb() throws IOException {
    if (isRoot()) {
      UserPrincipal postgres =
          FileSystems.getDefault()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"));
  }

  private void pgCtl(String action, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.resolve("pg_ctl").toString(), action, "-D", data.toString(), "-w", "-t", "30"));
    command.addAll(List.of(args));
    run(command);
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      ChildProcess.run(
          String.join(" ", full), COMMAND_LIMIT, new ProcessBuilder(full).directory(dir.toFile()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + serverLog(), e);
    }
  }

  private String serverLog() {
    Path log = dir.resolve("server.log");
    try {
      return Files.exists(log)
          ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8)
          : "";
    } catch (IOException e) {
      return "\n(cannot read the server log: " + e + ")";
    }
  }

  /** The newest installed server's binaries, Debian's layout. */
  private static Path binaries() {
    try (Stream<Path> versions = Files.list(DEBIAN_PREFIX)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(PostgresServer::majorVersion))
          .orElseThrow(PostgresServer::notInstalled);
    } catch (IOException e) {
      throw notInstalled();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static AssertionError notInstalled() {
    return new AssertionError(
        "PostgreSQL's initdb and pg_ctl were not found under "
            + DEBIAN_PREFIX
            + ": install the server with apt-get install postgresql");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
