package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import java.time.Duration;
import java.util.List;

/**
 * One Lettuce connection for a cache, opened on first use and reopened on use after a failed
 * attempt; once open, Lettuce reconnects it by itself. Commands sent while a server's connection is
 * down fail at once rather than queueing, so a dead server is reported, not waited for (in a
 * cluster they wait, at most the command timeout, for the node's connection).
 */
final class RedisConnection implements AutoCloseable {
  private final RedisOptions options;
  private final List<RedisURI> nodes;
  // Decided at construction, except that without options.cluster the first node is asked on
  // connecting whether it is a cluster node; guarded by this.
  private Topology topology;
  private ReadFrom readFrom;
  private AbstractRedisClient client;
  private boolean detectCluster;
  private volatile Open open;

  private record Open(
      StatefulConnection<byte[], byte[]> connection,
      RedisClusterCommands<byte[], byte[]> sync,
      RedisClusterAsyncCommands<byte[], byte[]> async) {}

  RedisConnection(CacheSettings settings, RedisOptions options) {
    List<String> locations = settings.locations();
    if (locations.isEmpty()) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(),
          "location",
          "",
          "a redis://host:port/db URL, or a list of them (primary first, then replicas)");
    }
    this.options = options;
    this.topology = topology(settings, options);
    this.detectCluster = !RedisOptions.CLUSTER.isSet(settings) && topology != Topology.SENTINEL;
    this.nodes =
        topology == Topology.SENTINEL
            ? List.of(RedisLocations.sentinel(settings, options, only(settings, locations)))
            : locations.stream().map(l -> RedisLocations.node(settings, options, l)).toList();
    this.readFrom = readFrom(options, topology);
    this.client = client(options);
  }

  /** The servers it connects to, as parsed from the locations (a sentinel URI for Sentinel). */
  List<RedisURI> nodes() {
    return nodes;
  }

  private static ReadFrom readFrom(RedisOptions options, Topology topology) {
    if (options.readFrom() != null) {
      return options.readFrom();
    }
    return topology == Topology.CLUSTER ? ReadFrom.UPSTREAM : ReadFrom.REPLICA_PREFERRED;
  }

  private static Topology topology(CacheSettings settings, RedisOptions options) {
    if (options.cluster()) {
      if (!options.sentinels().isEmpty()) {
        throw RedisOptions.SENTINELS.invalid(
            settings, RedisOptions.SENTINELS.raw(settings), "no sentinels with cluster: true");
      }
      return Topology.CLUSTER;
    }
    if (!options.sentinels().isEmpty()) {
      return Topology.SENTINEL;
    }
    return settings.locations().size() > 1 ? Topology.PRIMARY_REPLICAS : Topology.STANDALONE;
  }

  private static String only(CacheSettings settings, List<String> locations) {
    if (locations.size() != 1) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(),
          "location",
          settings.displayLocation(),
          "one redis://MASTER_NAME/db URL when options.sentinels is set");
    }
    return locations.get(0);
  }

  private AbstractRedisClient client(RedisOptions options) {
    SocketOptions socket =
        SocketOptions.builder().connectTimeout(options.connectTimeout()).keepAlive(true).build();
    SslOptions ssl =
        options.caCertificates() == null
            ? SslOptions.create()
            : SslOptions.builder()
                .jdkSslProvider()
                .trustManager(options.caCertificates().toFile())
                .build();
    if (topology == Topology.CLUSTER) {
      RedisClusterClient cluster = RedisClusterClient.create(SharedResources.get(), nodes);
      // A cluster opens node connections as commands need them, and rejecting commands while one
      // opens would fail them: they wait instead, for at most the command timeout.
      cluster.setOptions(
          ClusterClientOptions.builder()
              .autoReconnect(true)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
              .socketOptions(socket)
              .sslOptions(ssl)
              .topologyRefreshOptions(
                  ClusterTopologyRefreshOptions.builder()
                      .enableAllAdaptiveRefreshTriggers()
                      .enablePeriodicRefresh(Duration.ofSeconds(30))
                      .build())
              .build());
      return cluster;
    }
    RedisClient redis = RedisClient.create(SharedResources.get());
    redis.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(socket)
            .sslOptions(ssl)
            .build());
    return redis;
  }

  /** The synchronous commands, for every topology (routed by key in a cluster). */
  RedisClusterCommands<byte[], byte[]> sync() {
    return open().sync();
  }

  /** The asynchronous commands of the same connection, for pipelining. */
  RedisClusterAsyncCommands<byte[], byte[]> async() {
    return open().async();
  }

  /**
   * The server's URI if the cache talks to one server over TCP, as far as is known before
   * connecting (a lone URL may still turn out to be a cluster node: see {@link #clusterUnknown});
   * null for replicas, Sentinel, a cluster or a Unix socket.
   */
  synchronized RedisURI singleTcpServer() {
    RedisURI node = nodes.get(0);
    return topology == Topology.STANDALONE && node.getSocket() == null ? node : null;
  }

  /** True while nobody has asked the first node whether it belongs to a cluster. */
  synchronized boolean clusterUnknown() {
    return detectCluster;
  }

  /**
   * Records what another client found on asking the first node ({@code INFO cluster}), so this
   * connection does not ask again; a cluster node makes this a cluster connection.
   */
  synchronized void settleCluster(boolean cluster) {
    if (!detectCluster) {
      return; // this connection asked first
    }
    detectCluster = false;
    if (cluster) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      topology = Topology.CLUSTER;
      readFrom = readFrom(options, topology);
      client = client(options);
    }
  }

  /** The Lettuce connection itself. */
  StatefulConnection<byte[], byte[]> connection() {
    return open().connection();
  }

  /**
   * A new publish/subscribe connection with string messages, on the same client: to the cluster,
   * or to the primary (found through Sentinel when there is one). The caller closes it.
   */
  StatefulRedisPubSubConnection<String, String> connectPubSub() {
    open(); // the topology is known once the cache's own connection is
    synchronized (this) {
      if (topology == Topology.CLUSTER) {
        return ((RedisClusterClient) client).connectPubSub(StringCodec.UTF8);
      }
      return ((RedisClient) client).connectPubSub(StringCodec.UTF8, nodes.get(0));
    }
  }

  /** True once connected to a cluster (found by configuration or by asking the server). */
  synchronized boolean isCluster() {
    open();
    return topology == Topology.CLUSTER;
  }

  /**
   * A new connection with string keys to the primary (found through Sentinel when there is one), on
   * the same client, for server-assisted invalidation ({@code CLIENT TRACKING}); null in a cluster,
   * where each node tracks only its own slots. The caller closes it.
   */
  StatefulRedisConnection<String, String> connectTracking() {
    open(); // the topology is known once the cache's own connection is
    synchronized (this) {
      if (topology == Topology.CLUSTER) {
        return null;
      }
      return ((RedisClient) client).connect(StringCodec.UTF8, nodes.get(0));
    }
  }

  private Open open() {
    Open current = open;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (open == null) {
        open = connect();
      }
      return open;
    }
  }

  private Open connect() {
    ByteArrayCodec codec = ByteArrayCodec.INSTANCE;
    if (detectCluster) {
      StatefulRedisConnection<byte[], byte[]> first =
          ((RedisClient) client).connect(codec, nodes.get(0));
      boolean cluster;
      try {
        cluster = first.sync().info("cluster").contains("cluster_enabled:1");
      } catch (RedisCommandExecutionException e) {
        cluster = false; // INFO refused (an ACL without +info): not a cluster as far as we know
      } catch (RuntimeException e) {
        first.close();
        throw e;
      }
      if (!cluster && topology == Topology.STANDALONE) {
        detectCluster = false;
        return new Open(first, first.sync(), first.async());
      }
      first.close(); // before settleCluster replaces the client it was opened on
      settleCluster(cluster);
    }
    switch (topology) {
      case CLUSTER -> {
        StatefulRedisClusterConnection<byte[], byte[]> c =
            ((RedisClusterClient) client).connect(codec);
        c.setReadFrom(readFrom);
        return new Open(c, c.sync(), c.async());
      }
      case STANDALONE -> {
        StatefulRedisConnection<byte[], byte[]> c =
            ((RedisClient) client).connect(codec, nodes.get(0));
        return new Open(c, c.sync(), c.async());
      }
      default -> {
        StatefulRedisMasterReplicaConnection<byte[], byte[]> c =
            topology == Topology.SENTINEL
                ? MasterReplica.connect((RedisClient) client, codec, nodes.get(0))
                : MasterReplica.connect((RedisClient) client, codec, nodes);
        c.setReadFrom(readFrom);
        return new Open(c, c.sync(), c.async());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (open != null) {
      open.connection().close();
      open = null;
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
