package io.larder.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.larder.CacheDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Real Hazelcast members inside the test JVM, each on its own free loopback port, in a cluster of
 * their own name: multicast, auto-detection and phone-home off. {@link #shared()} is one 3-member
 * cluster for every test class of the run (a member starts in about a second).
 */
final class TestMembers implements AutoCloseable {
  private final String clusterName = "larder-test-" + UUID.randomUUID();
  private final int[] ports;
  private final HazelcastInstance[] members;
  private HazelcastInstance client;

  private TestMembers(int count) {
    ports = new int[count];
    members = new HazelcastInstance[count];
    for (int i = 0; i < count; i++) {
      ports[i] = freePort();
    }
    List<Thread> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      Thread thread = new Thread(() -> startMember(index));
      thread.start();
      starting.add(thread);
    }
    for (Thread thread : starting) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Shared {
    static final TestMembers CLUSTER = new TestMembers(3);
  }

  /** One 3-member cluster shared by the whole test run. */
  static TestMembers shared() {
    return Shared.CLUSTER;
  }

  /** A cluster of its own, for a test that stops members; the test closes it. */
  static TestMembers cluster(int count) {
    return new TestMembers(count);
  }

  String clusterName() {
    return clusterName;
  }

  /** Every member's address: Larder's {@code location}. */
  String location() {
    return java.util.Arrays.stream(ports)
        .mapToObj(port -> "127.0.0.1:" + port)
        .collect(Collectors.joining(","));
  }

  /** {@code cache} as a Larder client of this cluster, on the map {@code map}. */
  CacheDefinition client(CacheDefinition cache, String map) {
    return cache
        .backend("hazelcast")
        .location(location())
        .option("cluster_name", clusterName)
        .option("map", map);
  }

  HazelcastInstance member(int index) {
    return members[index];
  }

  /** A plain client of this cluster, for tests to look at what Larder stored. */
  synchronized HazelcastInstance client() {
    if (client == null) {
      ClientConfig config = new ClientConfig();
      config.setClusterName(clusterName);
      config.setProperty("hazelcast.phone.home.enabled", "false");
      config.getNetworkConfig().setAddresses(List.of(location().split(",")));
      client = HazelcastClient.newHazelcastClient(config);
    }
    return client;
  }

  /** Starts member {@code index} (again) on its own port. */
  void startMember(int index) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setInstanceName(clusterName + "-" + index);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // Near-cache invalidations leave at once rather than in batches every 10 s (the default).
    config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(ports[index]).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(List.of(location().split(",")));
    members[index] = Hazelcast.newHazelcastInstance(config);
  }

  /** Stops member {@code index} at once, as a crash would. */
  void kill(int index) {
    members[index].getLifecycleService().terminate();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.shutdown();
    }
    for (HazelcastInstance member : members) {
      if (member != null) {
        member.getLifecycleService().terminate();
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
