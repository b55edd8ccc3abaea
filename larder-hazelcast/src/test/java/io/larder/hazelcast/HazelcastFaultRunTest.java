package io.larder.hazelcast;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.fault.FaultRun;
import io.larder.fault.FaultTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's fault run on Hazelcast (client mode): one member of a cluster of two, each in its own
 * JVM process, killed, stopped (SIGSTOP) and restarted under load from a strict and a failing-open
 * cache. With one backup per entry (Hazelcast's default) no acknowledged write may be lost. The
 * figures go to docs/reliability.md ({@code scripts/fault-runs}).
 */
class HazelcastFaultRunTest {
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration MEMBERSHIP_WAIT = Duration.ofSeconds(90);

  private static CacheDefinition on(CacheDefinition c, MemberProcesses members) {
    return c.backend("hazelcast")
        .location(members.location())
        .option("cluster_name", members.clusterName())
        .option("map", "larder-fault-run")
        .option("connect_timeout", 30)
        .option("operation_timeout", (int) OPERATION_TIMEOUT.toSeconds());
  }

  @Test
  void noAcknowledgedWriteIsLostAndBothCachesRecoverAfterEachFault() throws Exception {
    try (MemberProcesses members = new MemberProcesses(2);
        Caches caches = FaultRun.caches(c -> on(c, members), 1)) {
      Runnable bothMembers =
          () ->
              Await.until(
                  "2 members in the cluster",
                  MEMBERSHIP_WAIT,
                  () -> {
                    caches.getDefault().get("probe");
                    return caches
                            .getDefault()
                            .unwrap(HazelcastMap.class)
                            .instance()
                            .getCluster()
                            .getMembers()
                            .size()
                        == 2;
                  });
      bothMembers.run();
      FaultTarget target =
          FaultTarget.of(
              () -> members.kill(1),
              () -> {
                members.start(1);
                bothMembers.run();
              },
              () -> members.freeze(1),
              () -> members.thaw(1),
              () -> {
                members.kill(1);
                members.start(1);
                bothMembers.run();
              },
              true);
      FaultRun.on("Hazelcast (1 of 2 members)", target)
          .load(caches)
          .run()
          .print("hazelcast")
          .assertHeld(Duration.ofSeconds(30), OPERATION_TIMEOUT);
    }
  }
}
