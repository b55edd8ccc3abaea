package io.larder.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo as a user runs it: {@code java -jar larder-demo.jar --port 0 --config FILE}, the
 * self-contained jar {@code scripts/demo} runs, in a process of its own. Integration tests (run
 * after {@code package}) start it on a {@code larder.yml} and talk to it over HTTP.
 *
 * <pre>{@code
 * try (DemoProcess demo = DemoProcess.start(Path.of("larder.yml"))) {
 *   HttpResponse<String> page = demo.get("/slow");
 * }
 * }</pre>
 */
final class DemoProcess implements AutoCloseable {
  /** The jar {@code mvn package} builds and {@code scripts/demo} runs. */
  static final Path JAR = Path.of("target", "larder-demo.jar");

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Pattern LISTENING =
      Pattern.compile("Larder demo on http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Path stderr;
  private final List<String> printed;
  private final int port;

  private DemoProcess(Process process, Path stderr, List<String> printed, int port) {
    this.process = process;
    this.stderr = stderr;
    this.printed = printed;
    this.port = port;
  }

  /**
   * Starts the demo on a free port with {@code config} and waits until it has printed its banner
   * (where it listens, its caches, its pages).
   *
   * @throws AssertionError if the jar is missing, or the demo exits or stays silent at start-up
   *     (with what it printed)
   */
  static DemoProcess start(Path config) {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(
          JAR.toAbsolutePath() + " is missing: run mvn -pl larder-demo -am verify, which builds it");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(java.toString(), "-jar", JAR.toString(), "--port", "0", "--config", config.toString());
    try {
      Path stderr = Files.createTempFile("larder-demo-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
      // The settings are the file's alone: LARDER_* variables would override them.
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(name -> name.startsWith("LARDER_"));
      Process process = builder.start();
      process.getOutputStream().close();
      List<String> printed = new ArrayList<>();
      CompletableFuture<Integer> listening = new CompletableFuture<>();
      Thread reader = new Thread(() -> read(process, printed, listening), "demo-stdout");
      reader.setDaemon(true);
      reader.start();
      int port;
      try {
        port = listening.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
        throw new AssertionError(
            "the demo did not start with "
                + config
                + ": "
                + (e instanceof TimeoutException ? "no address within " + STARTUP : e.getCause())
                + "\n--- stdout\n"
                + String.join("\n", snapshot(printed))
                + "\n--- stderr\n"
                + Files.readString(stderr));
      }
      return new DemoProcess(process, stderr, printed, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the demo started", e);
    }
  }

  private static void read(Process process, List<String> printed, CompletableFuture<Integer> port) {
    int listening = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        synchronized (printed) {
          printed.add(line);
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening = Integer.parseInt(m.group(1));
        } else if (listening > 0 && line.contains("/_larder/")) {
          // The banner's last line: everything it says about the caches has been read.
          port.complete(listening);
        }
      }
      port.completeExceptionally(new IllegalStateException("the demo exited"));
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
  }

  private static List<String> snapshot(List<String> printed) {
    synchronized (printed) {
      return List.copyOf(printed);
    }
  }

  /** What the demo printed to its standard output so far. */
  List<String> printed() {
    return snapshot(printed);
  }

  /** {@code http://127.0.0.1:PORT}. */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** A GET of {@code path} with {@code headers} as name, value pairs, redirects not followed. */
  HttpResponse<String> get(String path, String... headers) {
    return get(HttpClient.newHttpClient(), path, headers);
  }

  /** A GET of {@code path} through {@code client} (its cookies, its redirect policy). */
  HttpResponse<String> get(HttpClient client, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e + "\n" + stderrTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String stderrTail() {
    try {
      List<String> lines = Files.readAllLines(stderr);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the demo as Ctrl-C would (its shutdown hook closes the caches), then forcibly. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(stderr);
      } catch (IOException e) {
        // a leftover temporary log is harmless
      }
    }
  }
}
