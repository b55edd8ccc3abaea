package io.larder.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * No process a test starts can hold the build: each wait is bounded, an overrun kills the process
 * with its descendants, and the failure names the process and shows its output. The JUnit timeouts
 * here only stop a broken fixture from hanging this test itself; they are far above the bounds.
 */
class ChildProcessTest {
  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void aCommandThatNeverEndsFailsAtItsBoundNamingItWithItsOutput() {
    ProcessBuilder forever = new ProcessBuilder("/bin/sh", "-c", "echo started; exec sleep 3600");

    assertThatThrownBy(() -> ChildProcess.run("the sleeper", Duration.ofSeconds(1), forever))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the sleeper did not finish within 1 s and was killed")
        .hasMessageContaining("started");
  }

  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void anOverrunKillsTheProcessTreeNotOnlyItsRoot() throws Exception {
    // The shell waits for a grandchild that would outlive a kill of the shell alone.
    ProcessBuilder tree = new ProcessBuilder("/bin/sh", "-c", "sleep 3600 & echo $!; wait");
    try (ChildProcess shell = ChildProcess.start("the shell", tree)) {
      long grandchild = Long.parseLong(shell.nextLine(Duration.ofSeconds(30)).strip());
      assertThatThrownBy(() -> shell.awaitExit(Duration.ofMillis(200)))
          .hasMessageStartingWith("the shell did not finish within 200 ms");

      Optional<ProcessHandle> sleeper = ProcessHandle.of(grandchild);
      if (sleeper.isPresent()) {
        sleeper.get().onExit().get(10, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive))
          .as("the grandchild, pid %d", grandchild)
          .isNotEqualTo(Optional.of(true));
    }
  }

  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void anExitOtherThanZeroFailsNamingTheStatusAndShowingStandardError() {
    ProcessBuilder failing = new ProcessBuilder("/bin/sh", "-c", "echo broken >&2; exit 3");

    assertThatThrownBy(
            () -> ChildProcess.run("the failing command", Duration.ofSeconds(30), failing))
        .hasMessageStartingWith("the failing command exited with 3")
        .hasMessageContaining("--- its standard error ends:\nbroken");
  }

  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void aServerThatNeverBecomesReadyFailsAtItsBoundAndIsKilled() {
    ProcessBuilder silent = new ProcessBuilder("/bin/sleep", "3600");
    try (ChildProcess server = ChildProcess.start("the silent server", silent)) {
      assertThatThrownBy(
              () -> server.awaitReady("answer", Duration.ofMillis(300), () -> false))
          .hasMessageStartingWith("the silent server did not answer within 300 ms and was killed");
      assertThat(server.isAlive()).isFalse();
    }
  }

  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void aServerThatExitsAtStartUpFailsAtOnceWithItsOutput() {
    ProcessBuilder crashing =
        new ProcessBuilder("/bin/sh", "-c", "echo 'cannot bind: address in use' >&2; exit 1");
    try (ChildProcess server = ChildProcess.start("the crashing server", crashing)) {
      assertThatThrownBy(
              () -> server.awaitReady("answer", Duration.ofSeconds(30), () -> false))
          .hasMessageStartingWith("the crashing server exited with 1 before it would answer")
          .hasMessageContaining("cannot bind: address in use");
    }
  }

  @Test
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void outputFarBeyondAPipesBufferNeitherBlocksTheProcessNorIsLost() {
    // 1 MiB on each stream: a pipe read only at the end blocks the writer at 64 KiB.
    String mebibyteOf = "head -c 1048576 /dev/zero | tr '\\0' ";
    ProcessBuilder loud =
        new ProcessBuilder("/bin/sh", "-c", mebibyteOf + "e >&2; " + mebibyteOf + "o");

    String output = ChildProcess.run("the loud command", Duration.ofSeconds(30), loud);

    assertThat(output).hasSize(1 << 20).matches("o+");
  }
}
