package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.fault.FaultRun;
import io.larder.fault.FaultTarget;
import io.larder.testsupport.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's fault run on Redis: a server of the test's own, durable ({@code appendfsync always}),
 * killed, stopped (SIGSTOP) and restarted under load from a strict and a failing-open cache. The
 * figures go to docs/reliability.md ({@code scripts/fault-runs}).
 */
class RedisFaultRunTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  private static CacheDefinition on(CacheDefinition c, RedisServer server) {
    return c.backend("redis").location(server.url()).option("socket_timeout", 1);
  }

  @Test
  void noAcknowledgedWriteIsLostAndBothCachesRecoverAfterEachFault() throws Exception {
    try (RedisServer server = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        Caches caches = FaultRun.caches(c -> on(c, server), 1)) {
      FaultTarget target =
          FaultTarget.of(
              server::kill, server::restart, server::freeze, server::thaw, server::restart, true);
      FaultRun.on("Redis", target)
          .load(caches)
          .run()
          .print("redis")
          .assertHeld(Duration.ofSeconds(30), COMMAND_TIMEOUT);
    }
  }
}
