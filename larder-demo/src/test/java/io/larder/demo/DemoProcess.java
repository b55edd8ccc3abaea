package io.larder.demo;

import io.larder.testsupport.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  private final ChildProcess process;
  private final int port;

  private DemoProcess(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the demo on a free port with {@code config} and waits until it has printed its banner
   * (where it listens, its caches, its pages).
   *
   * @throws AssertionError if the jar is missing, or the demo exits or has not printed its banner
   *     within 90 s (with what it printed)
   */
  static DemoProcess start(Path config) {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(
          JAR.toAbsolutePath() + " is missing: run mvn -pl larder-demo -am verify, which builds it");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(), "-jar", JAR.toString(), "--port", "0", "--config", config.toString());
    // The settings are the file's alone: LARDER_* variables would override them.
    builder.environment().keySet().removeIf(name -> name.startsWith("LARDER_"));
    ChildProcess process =
        ChildProcess.start("the demo (java -jar " + JAR + " with " + config + ")", builder);
    process.closeInput();
    try {
      return new DemoProcess(process, awaitBanner(process));
    } catch (AssertionError e) {
      process.close();
      throw e;
    }
  }

  /** Reads the banner to its last line, which names a dashboard page, and returns the port. */
  private static int awaitBanner(ChildProcess process) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    int listening = 0;
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      String line = process.nextLine(left);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        listening = Integer.parseInt(m.group(1));
      } else if (listening > 0 && line.contains("/_larder/")) {
        // The banner's last line: everything it says about the caches has been read.
        return listening;
      }
    }
  }

  /** What the demo printed to its standard output so far. */
  List<String> printed() {
    return process.output().lines().toList();
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
      throw process.failure("did not answer GET " + path + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Stops the demo as Ctrl-C would (its shutdown hook closes the caches), then forcibly. */
  @Override
  public void close() {
    try {
      process.stop(Duration.ofSeconds(20));
    } finally {
      process.close();
    }
  }
}
