package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable command as a user gets it: larder-VERSION.tar.gz unpacked into an empty
 * directory and run with a PATH that holds only {@code java} (no Maven, no checkout).
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("larder.pom.version");
  /** target/larder-VERSION, without the archive's extension (larder-cli/pom.xml). */
  private static final String ARCHIVE = System.getProperty("larder.distribution");

  @TempDir static Path dir;
  private static Path home;
  private static Path path;

  private record Run(int status, String out) {}

  @BeforeAll
  static void unpackWithOnlyAJdkOnThePath() throws Exception {
    Process tar =
        new ProcessBuilder("tar", "xzf", ARCHIVE + ".tar.gz", "-C", dir.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    home = dir.resolve("larder-" + VERSION);
    path = Files.createDirectories(dir.resolve("path"));
    Files.createSymbolicLink(
        path.resolve("java"), Paths.get(System.getProperty("java.home"), "bin", "java"));
  }

  private static Run larder(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/larder").toString()));
    Collections.addAll(command, args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("HOME", dir.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out);
  }

  @Test
  void thePathHoldsJavaAndNoMaven() {
    assertThat(path.resolve("java")).exists();
    assertThat(path.resolve("mvn")).doesNotExist();
    assertThat(path.toFile().list()).containsExactly("java");
  }

  @Test
  void versionPrintsThePomsVersion() throws Exception {
    Run run = larder("--version");
    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out().lines().findFirst()).contains("larder " + VERSION);
  }

  @Test
  void demoRunsOnTheEmbeddedCacheAndLeavesAClassDataArchive() throws Exception {
    Run run = larder("demo");
    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out()).contains("Larder demo").contains("getOrSet");
    assertThat(home.resolve("lib/larder.jsa")).isNotEmptyFile();
  }

  @Test
  void setThenGetWorksAcrossRunsOnAFileCache() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("larder.yml"),
            "caches:\n  default:\n    backend: filebased\n    location: " + dir.resolve("cache") + "\n");
    assertThat(larder("--config", config.toString(), "set", "user", "{\"id\":42}").status()).isZero();
    Run get = larder("--config", config.toString(), "get", "user");
    assertThat(get.status()).as(get.out()).isZero();
    assertThat(get.out().trim()).isEqualTo("{\"id\":42}");
  }

  @Test
  void theArchiveHoldsBothLaunchersTheJarsAndTheLicence() throws IOException {
    assertThat(home.resolve("bin/larder")).isExecutable();
    assertThat(home.resolve("bin/larder.bat")).isRegularFile();
    assertThat(home.resolve("LICENSE")).content().contains("Apache License");
    assertThat(home.resolve("NOTICE")).isRegularFile();
    assertThat(home.resolve("THIRD-PARTY.txt")).content().contains("picocli");
    assertThat(home.resolve("lib/larder-cli-" + VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("lib/larder-core-" + VERSION + ".jar")).isRegularFile();
  }

  @Test
  void theZipHoldsTheSameFilesAsTheTarball() throws IOException {
    try (ZipFile zip = new ZipFile(ARCHIVE + ".zip")) {
      assertThat(zip.getEntry("larder-" + VERSION + "/bin/larder")).isNotNull();
      assertThat(zip.getEntry("larder-" + VERSION + "/bin/larder.bat")).isNotNull();
      assertThat(zip.getEntry("larder-" + VERSION + "/lib/larder-cli-" + VERSION + ".jar"))
          .isNotNull();
      assertThat(zip.getEntry("larder-" + VERSION + "/LICENSE")).isNotNull();
    }
  }
}
