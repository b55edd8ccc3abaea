package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code larder exec} refuses an argument it cannot read with a message naming it (issue 16),
 * instead of guessing: trailing text after the JSON object, a delta that is not an integer, a set
 * without a value.
 */
class ExecArgumentsTest {
  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void writeConfig() throws IOException {
    config = dir.resolve("larder.yml");
    Files.writeString(
        config,
        "caches:\n  default:\n    backend: filebased\n    location: " + dir.resolve("cache") + "\n");
  }

  /** The result line of each input line. */
  private String exec(String input) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Larder.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      commandLine.execute("--config", config.toString(), "exec");
    } finally {
      System.setIn(stdin);
    }
    return out.toString().strip();
  }

  @Test
  void trailingTextAfterTheJsonObjectIsRefused() {
    assertThat(exec("{\"op\":\"set\",\"key\":\"a\",\"value\":1} garbage"))
        .contains("\"ok\":false")
        .contains("not JSON");
    assertThat(exec("{\"op\":\"has_key\",\"key\":\"a\"}")).contains("\"result\":false");
  }

  @Test
  void aDeltaThatIsNotANumberIsRefusedNotReadAsOne() {
    exec("{\"op\":\"set\",\"key\":\"n\",\"value\":5}");
    assertThat(exec("{\"op\":\"incr\",\"key\":\"n\",\"delta\":\"x\"}"))
        .contains("\"ok\":false")
        .contains("\\\"delta\\\"")
        .contains("an integer");
    assertThat(exec("{\"op\":\"get\",\"key\":\"n\"}")).contains("\"result\":5");
  }

  @Test
  void aFractionalDeltaIsRefusedNotTruncated() {
    exec("{\"op\":\"set\",\"key\":\"n\",\"value\":5}");
    assertThat(exec("{\"op\":\"decr\",\"key\":\"n\",\"delta\":1.5}"))
        .contains("\"ok\":false")
        .contains("\\\"delta\\\"");
    assertThat(exec("{\"op\":\"get\",\"key\":\"n\"}")).contains("\"result\":5");
  }

  @Test
  void anIntegralDeltaIsUsed() {
    exec("{\"op\":\"set\",\"key\":\"n\",\"value\":5}");
    assertThat(exec("{\"op\":\"incr\",\"key\":\"n\",\"delta\":-7}")).contains("\"result\":-2");
  }

  @Test
  void aSetWithoutAValueIsRefusedNotStoredAsNull() {
    assertThat(exec("{\"op\":\"set\",\"key\":\"a\"}"))
        .contains("\"ok\":false")
        .contains("\\\"value\\\"");
    assertThat(exec("{\"op\":\"has_key\",\"key\":\"a\"}")).contains("\"result\":false");
  }

  @Test
  void anExplicitNullValueIsStored() {
    assertThat(exec("{\"op\":\"set\",\"key\":\"a\",\"value\":null}")).contains("\"ok\":true");
    assertThat(exec("{\"op\":\"has_key\",\"key\":\"a\"}")).contains("\"result\":true");
  }

  @Test
  void aVersionThatIsNotAnIntegerIsRefused() {
    assertThat(exec("{\"op\":\"get\",\"key\":\"a\",\"version\":\"two\"}"))
        .contains("\"ok\":false")
        .contains("\\\"version\\\"");
  }
}
