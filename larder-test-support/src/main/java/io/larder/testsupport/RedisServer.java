package io.larder.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway {@code redis-server} (or {@code redis-sentinel}) process on a free 127.0.0.1 port, in
 * a temporary directory, for tests. Fails, never skips, when the server is not installed, naming
 * the Debian package.
 *
 * <pre>{@code
 * try (RedisServer server = RedisServer.start()) {
 *   String url = server.url(1);                // redis://127.0.0.1:PORT/1
 *   server.kill();                             // as a crash would
 *   server.restart();                          // same port, same directory
 * }
 * }</pre>
 *
 * Shared servers for a whole test run come from {@link RedisServers}.
 */
public final class RedisServer extends ServerProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final List<String> arguments;
  private final String program;
  private int tlsPort;
  private Path tlsDirectory;

  private RedisServer(String program, Path directory, int port, List<String> arguments) {
    super(program + " on port " + port);
    this.program = program;
    this.directory = directory;
    this.port = port;
    this.arguments = List.copyOf(arguments);
  }

  /**
   * Starts a {@code redis-server} with {@code config} as extra {@code --name value} pairs, e.g.
   * {@code start("--replicaof", "127.0.0.1 6379")}, and waits until it answers {@code PING}. In
   * values, {@code {dir}} stands for the server's directory ({@code "--unixsocket",
   * "{dir}/redis.sock"}).
   */
  public static RedisServer start(String... config) {
    return start(freePort(), config);
  }

  /** As {@link #start(String...)}, on {@code port}. */
  public static RedisServer start(int port, String... config) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1"));
    args.addAll(List.of("--save", "", "--appendonly", "no", "--daemonize", "no"));
    args.addAll(List.of("--logfile", "redis.log"));
    Path dir = tempDir();
    for (String item : config) {
      args.add(item.replace("{dir}", dir.toString()));
    }
    RedisServer server =
        new RedisServer(executable("redis-server", "redis-server"), dir, port, args);
    server.launch();
    return server;
  }

  /**
   * Starts a {@code redis-server} that also listens with TLS on {@link #tlsPort()}, with a
   * certificate for 127.0.0.1 signed by a throwaway CA ({@link #caCertificate()}), made with {@code
   * openssl}. Clients need no certificate of their own.
   */
  public static RedisServer startTls(String... config) {
    Path dir = tempDir();
    String openssl = executable("openssl", "openssl");
    run(
        dir,
        openssl,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=larder-test-ca");
    run(
        dir,
        openssl,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1");
    try {
      Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    run(
        dir,
        openssl,
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "san.ext");
    int tlsPort = freePort();
    List<String> all =
        new ArrayList<>(
            List.of(
                "--tls-port", String.valueOf(tlsPort),
                "--tls-cert-file", dir.resolve("server.pem").toString(),
                "--tls-key-file", dir.resolve("server.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.pem").toString(),
                "--tls-auth-clients", "no"));
    all.addAll(List.of(config));
    RedisServer server = start(all.toArray(String[]::new));
    server.tlsPort = tlsPort;
    server.tlsDirectory = dir;
    return server;
  }

  /** The TLS port of a server from {@link #startTls}. */
  public int tlsPort() {
    return tlsPort;
  }

  /** The PEM certificate of the CA that signed a {@link #startTls} server's certificate. */
  public Path caCertificate() {
    return tlsDirectory.resolve("ca.pem");
  }

  private static void run(Path dir, String... command) {
    ChildProcess.run(
        String.join(" ", command),
        COMMAND_LIMIT,
        new ProcessBuilder(command).directory(dir.toFile()));
  }

  /**
   * Starts a {@code redis-sentinel} watching the primary at {@code primaryPort} as {@code
   * masterName}, with quorum 1 and a failover that starts a second after the primary goes down.
   */
  public static RedisServer startSentinel(String masterName, int primaryPort) {
    Path dir = tempDir();
    int port = freePort();
    String config =
        String.join(
            "\n",
            "port " + port,
            "bind 127.0.0.1",
            "daemonize no",
            "logfile sentinel.log",
            "dir " + dir,
            "sentinel resolve-hostnames no",
            "sentinel monitor " + masterName + " 127.0.0.1 " + primaryPort + " 1",
            "sentinel down-after-milliseconds " + masterName + " 1000",
            "sentinel failover-timeout " + masterName + " 10000",
            "sentinel parallel-syncs " + masterName + " 1",
            "");
    try {
      Files.writeString(dir.resolve("sentinel.conf"), config);
    } catch (IOException e) {
      throw new AssertionError("cannot write the sentinel configuration: " + e, e);
    }
    RedisServer sentinel =
        new RedisServer(
            executable("redis-sentinel", "redis-sentinel"),
            dir,
            port,
            List.of(dir.resolve("sentinel.conf").toString()));
    sentinel.launch();
    return sentinel;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:PORT/0}. */
  public String url() {
    return url(0);
  }

  /** {@code redis://127.0.0.1:PORT/db}. */
  public String url(int db) {
    return "redis://127.0.0.1:" + port + "/" + db;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** The server's directory (its log, its cluster configuration). */
  public Path directory() {
    return directory;
  }

  /** Starts the process again on the same port and directory, and waits until it answers. */
  public synchronized void restart() {
    kill();
    launch();
  }

  /**
   * Sends one command and returns the reply as text: a status or bulk string as is, an integer in
   * decimal, an array as its elements on separate lines, null for a nil reply.
   *
   * @throws AssertionError if the server cannot be reached or answers with an error
   */
  public String command(String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.write(bytes);
        request.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(request.toByteArray());
      out.flush();
      return reply(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new AssertionError(program + " on port " + port + " cannot be reached: " + e, e);
    }
  }

  /**
   * How many times the server has run {@code command} (lower case, e.g. {@code "get"}), from {@code
   * INFO commandstats}: to see which server of a topology a call went to.
   */
  public long commandCalls(String command) {
    Matcher m =
        Pattern.compile("cmdstat_" + Pattern.quote(command) + ":calls=(\\d+)")
            .matcher(command("INFO", "commandstats"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Waits, at most {@code max}, until {@code command}'s reply satisfies {@code condition}. */
  public String awaitReply(Duration max, Predicate<String> condition, String... command) {
    long deadline = System.nanoTime() + max.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = command(command);
        if (condition.test(last)) {
          return last;
        }
      } catch (AssertionError e) {
        last = e.getMessage();
      }
      pause();
    }
    throw new AssertionError(
        String.join(" ", command)
            + " on port "
            + port
            + " did not answer as expected within "
            + max
            + "; last answer: "
            + last);
  }

  @Override
  public void close() {
    kill();
    deleteDirectory(directory);
    if (tlsDirectory != null) {
      deleteDirectory(tlsDirectory);
    }
  }

  // ---------------------------------------------------------------- internals

  private void launch() {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(arguments);
    try {
      startProcess(
          new ProcessBuilder(command).directory(directory.toFile()),
          "answer PING",
          STARTUP,
          () -> "PONG".equals(command("PING")));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- its log ends:\n" + logTail(), e);
    }
  }

  private String logTail() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("redis.log", "sentinel.log")) {
      Path log = directory.resolve(name);
      try {
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log);
          text.append(
              String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
      } catch (IOException e) {
        text.append(e);
      }
    }
    return text.toString();
  }

  private static String reply(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+', ':' -> {
        return line;
      }
      case '-' -> throw new AssertionError("Redis error: " + line);
      case '$' -> {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length + 2);
        return new String(data, 0, length, StandardCharsets.UTF_8);
      }
      case '*' -> {
        int count = Integer.parseInt(line);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(String.valueOf(reply(in)));
        }
        return String.join("\n", items);
      }
      default -> throw new IOException("unexpected reply type " + type);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\r') {
      line.write(b);
    }
    in.read();
    return line.toString(StandardCharsets.UTF_8);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError("no free port on 127.0.0.1: " + e, e);
    }
  }

  static String executable(String name, String debianPackage) {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(name + " not found: install it with apt-get install " + debianPackage);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("larder-redis-");
    } catch (IOException e) {
      throw new AssertionError("cannot create a temporary directory: " + e, e);
    }
  }

  private static void deleteDirectory(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
