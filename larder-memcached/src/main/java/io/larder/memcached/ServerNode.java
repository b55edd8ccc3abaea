package io.larder.memcached;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.exception.MemcachedException;

/**
 * One server of a pool: its connection (an xmemcached client, made on first use so a cache can be
 * built while the server is down) and its health. A server that fails is not tried again for {@code
 * retry_timeout}; after {@code retry_attempts} failures in a row it is dead — out of the ring — for
 * {@code dead_timeout}, then back on probation, where one more failure kills it again.
 */
final class ServerNode implements AutoCloseable {
  private final Server server;
  private final PoolOptions options;
  private final String clientName;
  // Read on every command without a lock; written under the node's lock.
  private volatile MemcachedClient client;
  private volatile boolean closed;
  private volatile int failures;
  private volatile long retryAtMillis;
  private volatile long deadUntilMillis;
  // Null until the server has answered version.
  private volatile Boolean hazelcastEndpoint;

  ServerNode(Server server, PoolOptions options, String alias) {
    this.server = server;
    this.options = options;
    this.clientName = "larder-" + alias + "-" + server;
  }

  Server server() {
    return server;
  }

  /** The connection, opened on first use. */
  MemcachedClient client() throws IOException {
    MemcachedClient open = client;
    if (open != null) {
      return open;
    }
    synchronized (this) {
      return connect();
    }
  }

  private MemcachedClient connect() throws IOException {
    if (closed) {
      throw new IOException("the cache is closed");
    }
    if (client == null) {
      XMemcachedClientBuilder builder =
          new XMemcachedClientBuilder(List.of(server.socketAddress()));
      builder.setName(clientName);
      builder.setConnectionPoolSize(options.poolSize());
      builder.setConnectTimeout(options.connectTimeoutMillis());
      builder.setOpTimeout(options.operationTimeoutMillis());
      builder.setTranscoder(PassThroughTranscoder.INSTANCE);
      builder.setSanitizeKeys(false);
      builder.setFailureMode(false);
      builder.setEnableHealSession(true);
      builder.setHealSessionInterval(Math.max(100, Math.min(2000, options.retryTimeoutMillis())));
      builder.setSelectorPoolSize(1);
      client = builder.build();
    }
    return client;
  }

  /**
   * True if the server is Hazelcast's memcache endpoint ({@link HazelcastEndpoint}): asked once,
   * with {@code version}, on the first call that reaches the server; false while it has not
   * answered.
   *
   * @throws TimeoutException if the server took the operation timeout to answer: that is the
   *     call's failure, so a hung server costs one timeout, not two
   */
  boolean isHazelcastEndpoint(MemcachedClient client)
      throws TimeoutException, InterruptedException {
    Boolean known = hazelcastEndpoint;
    if (known != null) {
      return known;
    }
    try {
      // No answer without a connection: the command that follows meets that and counts it.
      var versions = client.getVersions(options.operationTimeoutMillis()).values();
      if (versions.isEmpty()) {
        return false;
      }
      known = versions.stream().anyMatch(HazelcastEndpoint::answeredVersion);
    } catch (MemcachedException e) {
      // Not Hazelcast, which answers version: a proxy or server without it. Asking again would
      // only repeat the error (or the closed connection) on every call.
      known = false;
    }
    hazelcastEndpoint = known;
    return known;
  }

  /** True unless the server is dead at {@code now}. */
  boolean inService(long now) {
    return deadUntilMillis <= now;
  }

  /** When a dead server comes back into the ring; 0 when it is not dead. */
  long deadUntil() {
    return deadUntilMillis;
  }

  /** True if the server failed lately and is not to be tried again before its retry time. */
  boolean resting(long now) {
    return failures > 0 && now < retryAtMillis;
  }

  void succeeded() {
    if (failures != 0 || deadUntilMillis != 0) {
      synchronized (this) {
        failures = 0;
        deadUntilMillis = 0;
      }
    }
  }

  /** Records a failure; true if it made the server dead. */
  synchronized boolean failed(long now) {
    failures++;
    retryAtMillis = now + options.retryTimeoutMillis();
    if (failures < options.retryAttempts()) {
      return false;
    }
    deadUntilMillis = now + options.deadTimeoutMillis();
    failures = options.retryAttempts() - 1;
    return true;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      try {
        client.shutdown();
      } catch (IOException e) {
        // Closing: the connection is gone either way.
      }
      client = null;
    }
  }

  @Override
  public String toString() {
    return server.toString();
  }
}
