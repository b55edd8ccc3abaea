package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.fault.Fault;
import io.larder.fault.FaultReport;
import io.larder.fault.FaultRun;
import io.larder.fault.FaultTarget;
import io.larder.fault.HungServer;
import io.larder.testsupport.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16's fault run on the {@code db} backend over PostgreSQL: a server of the test's own,
 * killed (the postmaster and its children), stopped (SIGSTOP to all of them) and restarted under
 * load from a strict and a failing-open cache. The figures go to docs/reliability.md ({@code
 * scripts/fault-runs}).
 */
class PostgresFaultRunTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static CacheDefinition on(CacheDefinition c, PostgresServer server) {
    return c.backend("db")
        .location("fault_run")
        .option("url", server.jdbcUrl())
        .option("connect_timeout", 1)
        .option("socket_timeout", 1)
        .option("pool_size", 4)
        // Django's culling would delete what the run reads back: not a lost write.
        .option("max_entries", 10_000_000);
  }

  @Test
  void noAcknowledgedWriteIsLostAndBothCachesRecoverAfterEachFault() throws Exception {
    try (PostgresServer server = PostgresServer.start();
        Caches caches =
            Caches.builder()
                .environment(Map.of())
                .cache("default", c -> on(c, server))
                .cache(
                    "fail-open",
                    c ->
                        on(c, server)
                            .option("ignore_exceptions", true)
                            .option("circuit_breaker_interval", 1))
                .build()) {
      CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
      FaultTarget target =
          FaultTarget.of(
              server::kill,
              server::restart,
              server::freeze,
              server::thaw,
              () -> {
                server.stop();
                server.restart();
              },
              true);
      FaultReport report =
          FaultRun.on("PostgreSQL (db)", target)
              .cache("strict", caches.getDefault(), false)
              .cache("fail-open", caches.get("fail-open"), true)
              .reader(caches.getDefault())
              .run()
              .print("postgres");

      report.assertHeld(Duration.ofSeconds(30));
      // A hung database costs one timeout per call (waiting for a connection or for the answer).
      assertThat(report.slowest("strict", Fault.STOP)).isLessThan(TIMEOUT.multipliedBy(2));
      assertThat(report.slowest("fail-open", Fault.STOP)).isLessThan(TIMEOUT.multipliedBy(2));
    }
  }

  // Issue 16: a statement sent to a hung database waited for as long as it hung.
  @Test
  @Timeout(120) // a call that hangs with the server must fail the test, not stall the build
  void aHungDatabaseCostsOneTimeoutPerCallAndNothingOnceTheBreakerIsOpen() {
    try (PostgresServer server = PostgresServer.start();
        Caches caches =
            Caches.builder()
                .environment(Map.of())
                .cache("default", c -> on(c, server))
                .cache(
                    "fail-open",
                    c ->
                        on(c, server)
                            .option("ignore_exceptions", true)
                            .option("circuit_breaker_interval", 60))
                .build()) {
      CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
      HungServer.assertBounded(
          caches.getDefault(), caches.get("fail-open"), TIMEOUT, server::freeze, server::thaw);
    }
  }
}
