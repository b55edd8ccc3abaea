package io.larder.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a {@link FaultRun}, one row per cache and fault, as a Markdown table; and the
 * assertions every run must pass.
 */
public final class FaultReport {
  private static final String HEAD =
      "| backend | cache | fault | calls | errors raised (by incr) | slowest call | acknowledged"
          + " writes checked | lost | recovered after |\n"
          + "|---|---|---|---:|---:|---:|---:|---:|---:|";

  private final String backend;
  private final List<String> labels;
  private final List<Boolean> failsOpen;
  private final Tally[][] tallies;
  private final long[][] recoveryMillis;
  private final Ledger.Result checked;

  FaultReport(
      String backend,
      List<String> labels,
      List<Boolean> failsOpen,
      Tally[][] tallies,
      long[][] recoveryMillis,
      Ledger.Result checked) {
    this.backend = backend;
    this.labels = labels;
    this.failsOpen = failsOpen;
    this.tallies = tallies;
    this.recoveryMillis = recoveryMillis;
    this.checked = checked;
  }

  /** The rows, without the head. */
  public String rows() {
    StringBuilder rows = new StringBuilder();
    for (int c = 0; c < labels.size(); c++) {
      for (Fault fault : Fault.values()) {
        Tally tally = tallies[c][fault.ordinal()];
        rows.append(
            String.format(
                "| %s | %s | %s | %,d | %,d (%,d) | %,d ms (%s) | %s | %s | %s |%n",
                backend,
                labels.get(c),
                fault.label(),
                tally.calls.sum(),
                tally.errors.sum(),
                tally.incrErrors.sum(),
                Duration.ofNanos(tally.slowestNanos.get()).toMillis(),
                tally.slowestOperation(),
                c == 0 ? String.format("%,d", checked.checked()[fault.ordinal()]) : "↑",
                c == 0 ? String.format("%,d", checked.lost()[fault.ordinal()]) : "↑",
                recoveryMillis[c][fault.ordinal()] < 0
                    ? "not within a minute"
                    : String.format("%,d ms", recoveryMillis[c][fault.ordinal()])));
      }
    }
    return rows.toString();
  }

  /**
   * Prints the table, and writes it to {@code target/fault-runs/<file>.md}, where {@code
   * scripts/fault-runs} joins the tables of every backend.
   */
  public FaultReport print(String file) {
    String table = HEAD + "\n" + rows();
    System.out.println(table);
    try {
      Path dir = Path.of("target", "fault-runs");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file + ".md"), table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * What every run must show: no acknowledged write lost; no error an outage does not explain; no
   * error raised by a cache failing open except from {@code incr} (which has no answer to give);
   * each cache answering again within {@code recovery} of the server's return; and, while the
   * server was stopped, no call that took twice the {@code commandTimeout} the caches are
   * configured with (one timeout per call, never a doubled one).
   */
  public void assertHeld(Duration recovery, Duration commandTimeout) {
    assertThat(checked.lost()).as("acknowledged writes lost: %s", checked.examples()).containsOnly(0);
    List<String> unexpected = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      for (Fault fault : Fault.values()) {
        Tally tally = tallies[c][fault.ordinal()];
        unexpected.addAll(tally.unexpected());
        if (failsOpen.get(c)) {
          assertThat(tally.errors.sum())
              .as("errors raised by %s, failing open, during %s", labels.get(c), fault.label())
              .isEqualTo(tally.incrErrors.sum());
        }
        assertThat(recoveryMillis[c][fault.ordinal()])
            .as("%s recovered after %s, in ms", labels.get(c), fault.label())
            .isBetween(0L, recovery.toMillis());
        assertThat(tally.acknowledged.sum())
            .as("writes %s acknowledged around %s", labels.get(c), fault.label())
            .isPositive();
      }
      assertThat(Duration.ofNanos(tallies[c][Fault.STOP.ordinal()].slowestNanos.get()))
          .as("the slowest call of %s to the stopped server", labels.get(c))
          .isLessThan(commandTimeout.multipliedBy(2));
    }
    assertThat(unexpected).as("errors no outage explains").isEmpty();
  }
}
