package io.larder.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link RedisWire} on Jedis: each command borrows a connection from a pool, writes, and blocks
 * reading the reply, as redis-py does. It serves the synchronous calls of a cache on one server
 * over TCP, because a blocking call on the caller's own thread costs one system call each way,
 * where Lettuce hands every command to its event-loop thread and back; with the cores busy that
 * hand-off is what a call waits for (docs/benchmarks.md, "Redis clients", compares the clients).
 *
 * <p>Its stages are complete when returned. {@link JedisConnections} lends the connections.
 */
final class JedisWire implements RedisWire {
  private final RedisErrors errors;
  private final JedisConnections connections;

  JedisWire(RedisErrors errors, RedisURI server, RedisOptions options) {
    this.errors = errors;
    this.connections =
        new JedisConnections(
            new HostAndPort(server.getHost(), server.getPort()),
            clientConfig(server, options),
            poolConfig(options));
  }

  private static DefaultJedisClientConfig clientConfig(RedisURI server, RedisOptions options) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis(options.connectTimeout().toMillis()))
            .socketTimeoutMillis(millis(options.commandTimeout().toMillis()))
            .database(server.getDatabase())
            .protocol(RedisProtocol.RESP2) // the replies django-redis reads; no HELLO round trip
            .clientName("larder")
            .clientSetInfoConfig(ClientSetInfoConfig.withLibNameSuffix("larder"));
    // RedisLocations gives the credentials of the URL or options as a provider answering at once.
    RedisCredentials credentials =
        server.getCredentialsProvider() == null
            ? null
            : server.getCredentialsProvider().resolveCredentials().block(Duration.ofSeconds(5));
    if (credentials != null && credentials.hasPassword()) {
      config.password(new String(credentials.getPassword()));
      if (credentials.hasUsername()) {
        config.user(credentials.getUsername());
      }
    }
    if (server.isSsl()) {
      TlsSockets tls = new TlsSockets(options.caCertificates(), options.verifyPeer());
      config.ssl(true).sslSocketFactory(tls.factory()).sslParameters(tls.parameters());
    }
    return config.build();
  }

  private static int millis(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }

  private static ConnectionPoolConfig poolConfig(RedisOptions options) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(options.maxConnections());
    // Idle connections are kept up to the bound, so a burst does not close and reopen them.
    pool.setMaxIdle(options.maxConnections());
    pool.setMinIdle(0);
    // A caller waits for a free connection at most as long as it would wait for a reply.
    pool.setMaxWait(options.commandTimeout());
    pool.setJmxEnabled(false);
    return pool;
  }

  private <T> CompletionStage<T> call(String operation, Function<Connection, T> command) {
    try {
      return CompletableFuture.completedFuture(connections.run(command));
    } catch (JedisException e) {
      return CompletableFuture.failedFuture(translate(operation, e));
    }
  }

  private <T> CompletionStage<T> call(String operation, CommandObject<T> command) {
    return call(operation, connection -> connection.executeCommand(command));
  }

  private RuntimeException translate(String operation, JedisException error) {
    if (error instanceof JedisDataException answered && !notReady(answered)) {
      return errors.refused(operation, answered);
    }
    return errors.unavailable(operation, error);
  }

  /**
   * Answers that say the server cannot serve yet, not that it refuses the command: {@code LOADING}
   * after a restart (redis-py makes it a connection error too) and a rejected login while a pooled
   * connection opens (Lettuce reports that as a connection failure).
   */
  private static boolean notReady(JedisDataException answer) {
    String message = String.valueOf(answer.getMessage());
    return message.startsWith("LOADING")
        || message.startsWith("WRONGPASS")
        || message.startsWith("NOAUTH");
  }

  private static SetParams expiring(Long px) {
    SetParams params = new SetParams();
    return px == null ? params : params.px(px);
  }

  @Override
  public CompletionStage<byte[]> get(String operation, byte[] key) {
    return call(operation, JedisCommands.get(key));
  }

  @Override
  public CompletionStage<List<byte[]>> getAll(String operation, byte[][] keys) {
    return call(operation, JedisCommands.mget(keys));
  }

  @Override
  public CompletionStage<Void> set(String operation, byte[] key, byte[] value, Long px) {
    return call(operation, JedisCommands.set(key, value, expiring(px))).thenAccept(ok -> {});
  }

  @Override
  public CompletionStage<Boolean> setIfAbsent(
      String operation, byte[] key, byte[] value, Long px) {
    return call(operation, JedisCommands.set(key, value, expiring(px).nx())).thenApply("OK"::equals);
  }

  @Override
  public CompletionStage<Void> setKeepingExpiry(String operation, byte[] key, byte[] value) {
    return call(operation, JedisCommands.set(key, value, new SetParams().keepTtl()))
        .thenAccept(ok -> {});
  }

  @Override
  public CompletionStage<Void> setAll(String operation, Map<byte[], byte[]> entries, Long px) {
    SetParams params = expiring(px);
    return call(
        operation,
        connection -> {
          Pipeline pipeline = new Pipeline(connection, false);
          List<Response<String>> replies = new ArrayList<>(entries.size());
          entries.forEach((key, value) -> replies.add(pipeline.set(key, value, params)));
          pipeline.sync();
          replies.forEach(Response::get); // raises the first refusal
          return null;
        });
  }

  @Override
  public CompletionStage<Long> delete(String operation, byte[]... keys) {
    return call(operation, JedisCommands.del(keys));
  }

  @Override
  public CompletionStage<Boolean> exists(String operation, byte[] key) {
    return call(operation, JedisCommands.exists(key)).thenApply(n -> n == 1);
  }

  @Override
  public CompletionStage<Boolean> persist(String operation, byte[] key) {
    return call(operation, JedisCommands.persist(key)).thenApply(n -> n == 1);
  }

  @Override
  public CompletionStage<Boolean> expire(String operation, byte[] key, long px) {
    return call(operation, JedisCommands.pexpire(key, px)).thenApply(n -> n == 1);
  }

  @Override
  public CompletionStage<Long> timeToLive(String operation, byte[] key) {
    return call(operation, JedisCommands.pttl(key));
  }

  @Override
  public CompletionStage<byte[]> eval(
      String operation, String script, byte[] key, byte[] argument) {
    return call(operation, JedisCommands.eval(RedisStore.raw(script), key, argument));
  }

  @Override
  public boolean saturated() {
    return connections.allLent();
  }

  /**
   * Whether the server is a cluster node ({@code INFO cluster}); an {@code INFO} the server's ACL
   * refuses counts as no, as on Lettuce.
   *
   * @throws io.larder.BackendUnavailableException if the server cannot be reached
   */
  boolean isClusterNode() {
    try {
      return connections.run(c -> c.executeCommand(JedisCommands.infoCluster()))
          .contains("cluster_enabled:1");
    } catch (JedisException e) {
      if (e instanceof JedisDataException answered && !notReady(answered)) {
        return false;
      }
      throw translate("connect", e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }
}
