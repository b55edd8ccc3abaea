package io.larder.demo;

import io.larder.Caches;
import io.larder.hazelcast.HazelcastMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

/**
 * A real one-member Hazelcast cluster of its own name on a free loopback port, in the test JVM,
 * started through Larder's embedded mode; the demo reaches it as a client, as an application
 * reaches a cluster of servers.
 *
 * <pre>{@code
 * try (OneMemberCluster cluster = new OneMemberCluster()) {
 *   Map<String, Object> settings = cluster.clientCache();   // backend: hazelcast, with a near cache
 * }
 * }</pre>
 */
final class OneMemberCluster implements AutoCloseable {
  private final String name = "larder-demo-test-" + UUID.randomUUID();
  private final Caches member;
  private final String address;

  OneMemberCluster() {
    int port = freePort();
    member =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("hazelcast")
                        .location("127.0.0.1:" + port)
                        .option("mode", "embedded")
                        .option("port", port)
                        .option("cluster_name", name))
            .build();
    // The member takes the next port if that one was taken meanwhile: ask it where it listens.
    int actual =
        member
            .getDefault()
            .unwrap(HazelcastMap.class)
            .instance()
            .getCluster()
            .getLocalMember()
            .getAddress()
            .getPort();
    address = "127.0.0.1:" + actual;
  }

  /** The member, as {@code host:port}. */
  String address() {
    return address;
  }

  /**
   * A client cache of this cluster with Hazelcast's near cache, its calls bounded to a second while
   * the cluster is away.
   */
  Map<String, Object> clientCache() {
    return Map.of(
        "backend",
        "hazelcast",
        "location",
        address,
        "options",
        Map.of("cluster_name", name, "near_cache", true, "operation_timeout", 1));
  }

  /** Stops the member: the cluster is gone. */
  @Override
  public void close() {
    member.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
