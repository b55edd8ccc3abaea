package io.larder.fault;

/** What a {@link FaultRun} does to the server, in the order it does it. */
public enum Fault {
  /** SIGKILL, down for a while, started again. */
  KILL("kill"),
  /** SIGSTOP for a while (a hung server: connections open, no answers), then SIGCONT. */
  STOP("stop"),
  /** Stopped and started again at once. */
  RESTART("restart");

  private final String label;

  Fault(String label) {
    this.label = label;
  }

  /** The name in the table. */
  public String label() {
    return label;
  }
}
