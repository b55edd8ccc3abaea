package io.larder.jdbc;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.fault.FaultRun;
import io.larder.fault.FaultTarget;
import io.larder.fault.HungServer;
import io.larder.testsupport.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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

  /** A strict cache ("default") and one failing open ("fail-open") on the server, table made. */
  private static Caches caches(PostgresServer server, int breakerSeconds) {
    Caches caches = FaultRun.caches(c -> on(c, server), breakerSeconds);
    CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
    return caches;
  }

  @Test
  void noAcknowledgedWriteIsLostAndBothCachesRecoverAfterEachFault() throws Exception {
    try (PostgresServer server = PostgresServer.start();
        Caches caches = caches(server, 1)) {
      Runnable restart =
          () -> {
            server.stop();
            server.restart();
          };
      FaultTarget target =
          FaultTarget.of(server::kill, server::restart, server::freeze, server::thaw, restart, true);
      FaultRun.on("PostgreSQL (db)", target)
          .load(caches)
          .run()
          .print("postgres")
          .assertHeld(Duration.ofSeconds(30), TIMEOUT);
    }
  }

  // Issue 16: a statement sent to a hung database waited for as long as it hung.
  @Test
  @Timeout(120) // a call that hangs with the server must fail the test, not stall the build
  void aHungDatabaseCostsOneTimeoutPerCallAndNothingOnceTheBreakerIsOpen() {
    try (PostgresServer server = PostgresServer.start();
        Caches caches = caches(server, 60)) {
      HungServer.assertBounded(
          caches.getDefault(), caches.get("fail-open"), TIMEOUT, server::freeze, server::thaw);
    }
  }
}
