package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BuildVersionTest {
  /** The POM's version, as Surefire passes it (larder-cli/pom.xml). */
  private static final String POM_VERSION = System.getProperty("larder.pom.version");

  private String out;

  private int run(String... args) {
    StringWriter text = new StringWriter();
    CommandLine commandLine = Larder.commandLine();
    commandLine.setOut(new PrintWriter(text));
    int status = commandLine.execute(args);
    out = text.toString();
    return status;
  }

  @Test
  void versionPrintsThePomsVersion() {
    assertThat(POM_VERSION).isNotBlank();
    assertThat(run("--version")).isZero();
    assertThat(out.lines().findFirst()).contains("larder " + POM_VERSION);
  }

  @Test
  void versionNamesTheJavaRuntime() {
    run("--version");
    assertThat(out).contains("Java " + Runtime.version());
  }

  @Test
  void generateCompletionPrintsABashCompletionScriptForLarder() {
    assertThat(run("generate-completion")).isZero();
    assertThat(out).contains("complete -F _complete_larder").contains("createcachetable");
  }
}
