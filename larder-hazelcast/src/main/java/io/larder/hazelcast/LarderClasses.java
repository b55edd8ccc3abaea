package io.larder.hazelcast;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether every member of one cluster can run Larder's entry processors: asked by a {@link
 * LarderClassesProbe} sent to the owner of every partition, and asked again whenever a member joins
 * or leaves. Shared by the caches of one Hazelcast instance.
 *
 * <p>Asked before any entry processor runs, not learnt from a failed one: where some members have
 * the classes and others not, an entry processor takes effect on an owner that has them and still
 * fails on a backup member without them, so a failed call may have counted, and cannot be made
 * again by other means. For the same reason the answer is yes only when every member that holds
 * data owned a partition when the probe left: a member that has just joined owns none until
 * Hazelcast migrates some to it, and may already hold backups. Until then each call asks again and
 * takes the stock calls, which are right on any cluster.
 */
final class LarderClasses {
  private static final Logger log = LoggerFactory.getLogger(LarderClasses.class);

  private final HazelcastInstance instance;

  /** The members' answer; null while not asked since the members last changed. */
  private final AtomicReference<CompletableFuture<Boolean>> answer = new AtomicReference<>();

  private volatile Set<String> probeKeys;
  private UUID membershipListener;

  LarderClasses(HazelcastInstance instance) {
    this.instance = instance;
  }

  /**
   * True if every member can run Larder's entry processors, false if one cannot (or has not been
   * asked yet); asks the members on the first call after they changed. A probe that fails (the
   * cluster away) is not kept: the next call asks again.
   */
  CompletionStage<Boolean> present(IMap<String, byte[]> map) {
    while (true) {
      CompletableFuture<Boolean> known = answer.get();
      if (known != null) {
        return known;
      }
      CompletableFuture<Boolean> asking = new CompletableFuture<>();
      if (answer.compareAndSet(null, asking)) {
        ask(map, asking);
        return asking;
      }
    }
  }

  /** Completes {@code asking} with the members' answer; keeps it only if it is a whole one. */
  private void ask(IMap<String, byte[]> map, CompletableFuture<Boolean> asking) {
    CompletionStage<Boolean> probed;
    boolean whole;
    try {
      listenToMembers();
      whole = everyMemberOwnsAPartition();
      probed = probe(map);
    } catch (RuntimeException e) {
      probed = CompletableFuture.failedStage(e);
      whole = false;
    }
    boolean everyMemberAsked = whole;
    probed.whenComplete(
        (present, error) -> {
          if (error != null || (present && !everyMemberAsked)) {
            answer.compareAndSet(asking, null);
          } else if (!present) {
            log.info(
                "Hazelcast instance '{}': a member cannot load Larder's entry processors (no"
                    + " larder-hazelcast jar on its class path): incr, and add and touch through"
                    + " async(), use stock calls (docs/hazelcast.md, \"On a stock cluster\")",
                instance.getName());
          }
          if (error != null) {
            asking.completeExceptionally(error);
          } else {
            asking.complete(present && everyMemberAsked);
          }
        });
  }

  /** The answer as it stands: true, false, or null while not known. */
  Boolean known() {
    CompletableFuture<Boolean> known = answer.get();
    return known == null || !known.isDone() || known.isCompletedExceptionally()
        ? null
        : known.join();
  }

  /** Records that a member could not run an entry processor, until the members change. */
  void lacking() {
    answer.set(CompletableFuture.completedFuture(false));
  }

  /** Stops listening to the cluster's members, for an instance that outlives this object. */
  synchronized void close() {
    if (membershipListener != null) {
      instance.getCluster().removeMembershipListener(membershipListener);
      membershipListener = null;
    }
  }

  private synchronized void listenToMembers() {
    if (membershipListener == null) {
      membershipListener =
          instance
              .getCluster()
              .addMembershipListener(
                  new MembershipListener() {
                    @Override
                    public void memberAdded(MembershipEvent event) {
                      answer.set(null);
                    }

                    @Override
                    public void memberRemoved(MembershipEvent event) {
                      answer.set(null);
                    }
                  });
    }
  }

  /** True if every partition's owner ran the probe, false if one could not load it. */
  private CompletionStage<Boolean> probe(IMap<String, byte[]> map) {
    return map.submitToKeys(probeKeys(), new LarderClassesProbe())
        .thenApply(results -> true)
        .exceptionallyCompose(
            error ->
                Failures.lacksLarderClasses(error)
                    ? CompletableFuture.completedStage(false)
                    : CompletableFuture.failedStage(error));
  }

  /** True if every member that holds data (not a lite member) owns a partition now. */
  private boolean everyMemberOwnsAPartition() {
    Set<UUID> owners = new HashSet<>();
    for (Partition partition : instance.getPartitionService().getPartitions()) {
      Member owner = partition.getOwner();
      if (owner != null) {
        owners.add(owner.getUuid());
      }
    }
    for (Member member : instance.getCluster().getMembers()) {
      if (!member.isLiteMember() && !owners.contains(member.getUuid())) {
        return false;
      }
    }
    return true;
  }

  /** One key in every partition, so that the probe reaches every partition's owner. */
  private Set<String> probeKeys() {
    Set<String> keys = probeKeys;
    if (keys == null) {
      PartitionService partitions = instance.getPartitionService();
      int count = partitions.getPartitions().size();
      if (count == 0) {
        // A client learns the partition count when it first connects.
        throw new HazelcastClientOfflineException();
      }
      keys = new HashSet<>();
      BitSet covered = new BitSet(count);
      for (int i = 0; covered.cardinality() < count; i++) {
        String key = "larder-probe-" + i;
        int partition = partitions.getPartition(key).getPartitionId();
        if (!covered.get(partition)) {
          covered.set(partition);
          keys.add(key);
        }
      }
      probeKeys = Set.copyOf(keys);
    }
    return keys;
  }
}
