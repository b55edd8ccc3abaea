package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.fault.Fault;
import io.larder.fault.FaultReport;
import io.larder.fault.FaultRun;
import io.larder.fault.FaultTarget;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's fault run on Redis: a server of the test's own, durable ({@code appendfsync always}),
 * killed, stopped (SIGSTOP) and restarted under load from a strict and a failing-open cache. The
 * figures go to docs/reliability.md ({@code scripts/fault-runs}).
 */
class RedisFaultRunTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  @Test
  void noAcknowledgedWriteIsLostAndBothCachesRecoverAfterEachFault() throws Exception {
    try (RedisServer server = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        Caches caches =
            Caches.builder()
                .environment(Map.of())
                .cache("default", c -> c.backend("redis").location(server.url()).option("socket_timeout", 1))
                .cache(
                    "fail-open",
                    c ->
                        c.backend("redis")
                            .location(server.url())
                            .option("socket_timeout", 1)
                            .option("ignore_exceptions", true)
                            .option("circuit_breaker_interval", 1))
                .build()) {
      FaultTarget target =
          FaultTarget.of(
              server::kill, server::restart, server::freeze, server::thaw, server::restart, true);
      FaultReport report =
          FaultRun.on("Redis", target)
              .cache("strict", caches.getDefault(), false)
              .cache("fail-open", caches.get("fail-open"), true)
              .reader(caches.getDefault())
              .run()
              .print("redis");

      report.assertHeld(Duration.ofSeconds(30));
      // A hung server costs one command timeout per call, not two.
      assertThat(report.slowest("strict", Fault.STOP)).isLessThan(COMMAND_TIMEOUT.multipliedBy(2));
      assertThat(report.slowest("fail-open", Fault.STOP)).isLessThan(COMMAND_TIMEOUT.multipliedBy(2));
    }
  }
}
