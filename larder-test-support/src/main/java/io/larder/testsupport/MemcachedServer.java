package io.larder.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A throwaway {@code memcached} process on a free 127.0.0.1 port, for tests: started, waited for
 * until it answers, and stopped. Fault tests {@link #kill()} and {@link #restart()} their own
 * servers; other tests share {@link #shared(int) a pool} started once per JVM. Fails, never skips,
 * when memcached is missing, naming the package to install.
 *
 * <pre>{@code
 * try (MemcachedServer server = MemcachedServer.start()) {
 *   String location = server.address();            // "127.0.0.1:40123"
 *   String line = server.command("mg :1:key t f");  // "HD t299 f16"
 * }
 * }</pre>
 */
public final class MemcachedServer extends ServerProcess implements AutoCloseable {
  private static final List<Path> BINARIES =
      List.of(Path.of("/usr/bin/memcached"), Path.of("/usr/local/bin/memcached"));
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final List<MemcachedServer> SHARED = new ArrayList<>();

  private final int port;
  private final List<String> extraArguments;

  private MemcachedServer(int port, List<String> extraArguments) {
    super("memcached on 127.0.0.1:" + port);
    this.port = port;
    this.extraArguments = List.copyOf(extraArguments);
  }

  /**
   * A new server on a free port, with memcached's defaults (1 MB items) and any extra arguments
   * ({@code "-I", "2m"}).
   *
   * @throws AssertionError if memcached is not installed or does not start
   */
  public static MemcachedServer start(String... extraArguments) {
    MemcachedServer server = new MemcachedServer(freePort(), List.of(extraArguments));
    server.launch();
    return server;
  }

  /**
   * The first {@code count} servers of a pool shared by every test class of this JVM, started on
   * first use and stopped when the JVM exits. Tests must not stop them.
   */
  public static synchronized List<MemcachedServer> shared(int count) {
    if (SHARED.isEmpty()) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> SHARED.forEach(MemcachedServer::close)));
    }
    while (SHARED.size() < count) {
      SHARED.add(start());
    }
    return List.copyOf(SHARED.subList(0, count));
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:port}, as a cache location. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts the process again on the same port, empty, and waits until it answers. */
  public synchronized void restart() {
    kill();
    launch();
  }

  /**
   * Sends one text-protocol command line and returns the server's one-line answer without its CRLF,
   * e.g. {@code command("mg :1:key t f")} gives {@code "HD t299 f16"} or {@code "EN"}.
   */
  public String command(String line) {
    try (Socket socket = connect()) {
      send(socket, line.getBytes(StandardCharsets.UTF_8));
      return readLine(socket.getInputStream());
    } catch (IOException e) {
      throw new AssertionError("memcached on " + address() + " did not answer: " + e, e);
    }
  }

  /** The item under {@code key} as memcached holds it, or null when absent. */
  public Item get(String key) {
    try (Socket socket = connect()) {
      send(socket, ("get " + key).getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      String header = readLine(in);
      if (header.equals("END")) {
        return null;
      }
      String[] parts = header.split(" ");
      if (parts.length != 4 || !parts[0].equals("VALUE")) {
        throw new AssertionError("unexpected answer to get: " + header);
      }
      byte[] data = in.readNBytes(Integer.parseInt(parts[3]) + 2);
      return new Item(Integer.parseInt(parts[2]), Arrays.copyOf(data, data.length - 2));
    } catch (IOException e) {
      throw new AssertionError("memcached on " + address() + " did not answer: " + e, e);
    }
  }

  /** Stores raw bytes with the given flags and exptime, as another client would. */
  public void set(String key, int flags, int exptime, byte[] data) {
    try (Socket socket = connect()) {
      ByteArrayOutputStream command = new ByteArrayOutputStream();
      command.writeBytes(
          ("set " + key + " " + flags + " " + exptime + " " + data.length + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      command.writeBytes(data);
      send(socket, command.toByteArray());
      String answer = readLine(socket.getInputStream());
      if (!answer.equals("STORED")) {
        throw new AssertionError("memcached refused the set of " + key + ": " + answer);
      }
    } catch (IOException e) {
      throw new AssertionError("memcached on " + address() + " did not answer: " + e, e);
    }
  }

  /** One item: its client flags and its bytes. */
  public record Item(int flags, byte[] data) {
    /** The bytes as UTF-8 text. */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  @Override
  public synchronized void close() {
    kill();
  }

  // ------------------------------------------------------------ internals

  private void launch() {
    Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    if (binary == null) {
      throw new AssertionError("memcached not found: install it with apt-get install memcached");
    }
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-l", "127.0.0.1"));
    command.addAll(List.of("-p", String.valueOf(port), "-U", "0", "-m", "64"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root"));
    }
    command.addAll(extraArguments);
    startProcess(
        new ProcessBuilder(command),
        "answer version",
        STARTUP,
        () -> command("version").startsWith("VERSION"));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    socket.setSoTimeout(5000);
    return socket;
  }

  private static void send(Socket socket, byte[] line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(line);
    out.write('\r');
    out.write('\n');
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      line.write(b);
    }
    if (b == -1) {
      throw new IOException("connection closed");
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError("no free port on 127.0.0.1: " + e, e);
    }
  }
}
