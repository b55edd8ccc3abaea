package io.larder.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script under Debian's interpreter with real Django, for interop tests: Python
 * writes, Java reads, and the other way round. Fails, never skips, when Django is missing, naming
 * the package to install.
 *
 * <pre>{@code
 * String out = DjangoPython.run("import sys; print(sys.argv[1])", "hello");
 * }</pre>
 */
public final class DjangoPython {
  /** Debian's interpreter: the {@code python3} first on PATH may lack Debian's packages. */
  public static final Path INTERPRETER = Path.of("/usr/bin/python3");

  private static final long TIMEOUT_SECONDS = 60;

  private DjangoPython() {}

  /**
   * Runs {@code script} with {@code args} as {@code sys.argv[1:]} and returns what it printed.
   *
   * @throws AssertionError if Python or Django is missing, or the script fails
   */
  public static String run(String script, String... args) {
    requireDjango();
    return exec(script, args);
  }

  private static void requireDjango() {
    if (!Files.isExecutable(INTERPRETER)) {
      throw new AssertionError(
          INTERPRETER + " not found: install Debian's Django with apt-get install python3-django");
    }
    try {
      exec("import django");
    } catch (AssertionError e) {
      throw new AssertionError(
          "Django is not importable by "
              + INTERPRETER
              + ": install it with apt-get install python3-django ("
              + e.getMessage()
              + ")");
    }
  }

  private static String exec(String script, String... args) {
    List<String> command = new ArrayList<>(List.of(INTERPRETER.toString(), "-c", script));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("Python did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "Python exited with "
                + process.exitValue()
                + ": "
                + new String(err, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + INTERPRETER + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running Python", e);
    }
  }
}
