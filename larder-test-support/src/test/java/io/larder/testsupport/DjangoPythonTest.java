package io.larder.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A Python script can neither hang the build nor deadlock on its own output. The JUnit timeouts
 * only stop a broken fixture from hanging this test; they are far above the bounds under test.
 */
class DjangoPythonTest {
  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aScriptThatSleepsForeverFailsAtItsBoundNamingTheScript() {
    DjangoPython django = DjangoPython.DJANGO_3_2;
    django.run("print('warm')");

    assertThatThrownBy(
            () ->
                django.run(
                    Duration.ofSeconds(2),
                    "import sys, time; print('about to hang'); sys.stdout.flush(); "
                        + "time.sleep(3600)"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Python (Django 3.2) running 'import sys, time;")
        .hasMessageContaining("did not finish within 2 s and was killed")
        .hasMessageContaining("about to hang");
  }

  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aScriptThatWritesMoreThanAPipeHoldsToStandardErrorStillFinishes() {
    String out =
        DjangoPython.DJANGO_3_2.run(
            "import sys; sys.stderr.write('x' * (1 << 20)); sys.stderr.flush(); print('done')");

    assertThat(out).isEqualTo("done\n");
  }

  @Test
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void aFailingScriptReportsItsExitStatusAndStandardError() {
    assertThatThrownBy(() -> DjangoPython.DJANGO_3_2.run("raise SystemExit('no cache here')"))
        .hasMessageContaining("exited with 1")
        .hasMessageContaining("no cache here");
  }
}
