package io.larder.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.Timeout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs writing one directory: no reader sees half a file, no increment or add is lost. */
class FileCacheMultiProcessTest {
  private static final int PROCESSES = 3;
  private static final int ROUNDS = 300;

  @TempDir Path dir;
  @TempDir Path logs;

  @Test
  void processesSharingADirectoryNeverSeeCorruptValuesOrLoseUpdates() throws Exception {
    try (Caches caches = open()) {
      caches.getDefault().set("counter", 0, Timeout.NEVER);
    }
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      processes.add(start(i));
    }
    int addsWon = 0;
    for (int i = 0; i < PROCESSES; i++) {
      Process process = processes.get(i);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        processes.forEach(Process::destroyForcibly);
        throw new AssertionError("worker " + i + " did not finish within 120 s: " + log(i));
      }
      String output = log(i);
      assertThat(process.exitValue()).as(output).isZero();
      Matcher m = Pattern.compile("corrupt=(\\d+) addsWon=(\\d+)").matcher(output);
      assertThat(m.find()).as(output).isTrue();
      assertThat(Integer.parseInt(m.group(1))).as("corrupt reads").isZero();
      addsWon += Integer.parseInt(m.group(2));
    }
    try (Caches caches = open()) {
      assertThat(((Number) caches.getDefault().get("counter")).intValue())
          .isEqualTo(PROCESSES * ROUNDS);
    }
    assertThat(addsWon).as("each contested add has exactly one winner").isEqualTo(ROUNDS);
  }

  private Caches open() {
    return Caches.builder()
        .environment(Map.of())
        .cache("default", c -> c.backend("filebased").location(dir.toString()))
        .build();
  }

  /** Worker {@code i}, its output in a file: a pipe unread until the end could fill and block it. */
  private Process start(int i) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            FileCacheWorker.class.getName(),
            dir.toString(),
            Integer.toString(ROUNDS))
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("worker-" + i + ".log").toFile())
        .start();
  }

  private String log(int i) throws IOException {
    return Files.readString(logs.resolve("worker-" + i + ".log"), StandardCharsets.UTF_8);
  }
}
