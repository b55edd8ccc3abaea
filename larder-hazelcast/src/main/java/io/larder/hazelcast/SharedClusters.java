package io.larder.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Hazelcast clients and members Larder starts, one per cluster setting, shared by every cache
 * of the process that names the same cluster, and shut down when the last of those caches closes
 * (with {@code Caches.close()}). An instance the application hands in is shared by the caches given
 * it, so that they learn together what its members lack, and is never shut down here: it is the
 * application's.
 */
final class SharedClusters {
  private static final Map<Object, Shared> SHARED = new HashMap<>();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private SharedClusters() {}

  /** What makes two caches' clients or members the same one. */
  private record ClientKey(String clusterName, List<MemberAddress> addresses, long connect, int op) {}

  private record MemberKey(String clusterName, List<MemberAddress> addresses, int port) {}

  private record GivenKey(HazelcastInstance instance) {}

  private static final class Shared {
    final Cluster cluster;
    final boolean owned;
    int users;

    Shared(Cluster cluster, boolean owned) {
      this.cluster = cluster;
      this.owned = owned;
    }
  }

  /** The cluster of {@code options}, started if no cache of this process uses it yet. */
  static synchronized Cluster acquire(HazelcastOptions options) {
    Object key =
        switch (options.mode()) {
          case CLIENT ->
              new ClientKey(
                  options.clusterName(),
                  options.addresses(),
                  options.connectTimeoutMillis(),
                  options.operationTimeoutSeconds());
          case EMBEDDED ->
              new MemberKey(options.clusterName(), options.addresses(), options.port());
          case GIVEN -> new GivenKey(options.instance());
        };
    Shared shared = SHARED.get(key);
    if (shared == null || !shared.cluster.instance().getLifecycleService().isRunning()) {
      Cluster cluster =
          switch (options.mode()) {
            case CLIENT -> startClient(options);
            case EMBEDDED -> startMember(options);
            case GIVEN -> Cluster.connected(options.instance());
          };
      shared = new Shared(cluster, options.mode() != Mode.GIVEN);
      SHARED.put(key, shared);
    }
    shared.users++;
    return shared.cluster;
  }

  /** Gives {@code cluster} back; the last cache to give back one Larder started shuts it down. */
  static void release(Cluster cluster) {
    boolean last = false;
    synchronized (SharedClusters.class) {
      var entries = SHARED.entrySet().iterator();
      while (entries.hasNext()) {
        Shared shared = entries.next().getValue();
        if (shared.cluster == cluster && --shared.users == 0) {
          entries.remove();
          last = shared.owned;
          if (!shared.owned) {
            cluster.larderClasses().close();
          }
        }
      }
    }
    if (last) {
      cluster.instance().shutdown();
    }
  }

  private static Cluster startClient(HazelcastOptions options) {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    ClientConfig config = new ClientConfig();
    config.setClusterName(options.clusterName());
    config.setInstanceName("larder-client-" + NAMES.incrementAndGet());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // With backup acknowledgements sent to the client, a write after another client of the process
    // had disconnected waited 5 s (the backup timeout) on Hazelcast 5.7; the owner acknowledges
    // for its backups instead, one hop later.
    config.setBackupAckToClientEnabled(false);
    // Bounds every call while the cluster is away, so a cache that fails open answers in time.
    config.setProperty(
        "hazelcast.client.invocation.timeout.seconds",
        String.valueOf(options.operationTimeoutSeconds()));
    config.addListenerConfig(
        new ListenerConfig(
            (LifecycleListener)
                event -> {
                  if (event.getState() == LifecycleState.CLIENT_CONNECTED) {
                    connected.complete(null);
                  }
                }));
    config
        .getNetworkConfig()
        .setAddresses(options.addresses().stream().map(MemberAddress::toString).toList())
        .setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeoutMillis()));
    // Start without the cluster and keep trying for ever: the application starts while the cache
    // is down and the cache recovers by itself; calls are bounded by the invocation timeout.
    config.getConnectionStrategyConfig().setAsyncStart(true).setReconnectMode(ReconnectMode.ON);
    config
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(Long.MAX_VALUE)
        .setInitialBackoffMillis(100)
        .setMaxBackoffMillis(2_000);
    return new Cluster(HazelcastClient.newHazelcastClient(config), connected);
  }

  private static Cluster startMember(HazelcastOptions options) {
    Config config = new Config();
    config.setClusterName(options.clusterName());
    config.setInstanceName("larder-member-" + NAMES.incrementAndGet());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(true);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(options.addresses().stream().map(MemberAddress::toString).toList());
    if (!options.addresses().isEmpty()
        && options.addresses().stream().allMatch(MemberAddress::isLoopback)) {
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    }
    return Cluster.connected(Hazelcast.newHazelcastInstance(config));
  }
}
