package io.larder.redis;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.CacheSettings;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A cache's {@link RedisConnection} whose every command goes through {@link #call}, which
 * translates Lettuce's failures once: a server that answered with an error (WRONGTYPE, OOM, …)
 * into {@link BackendRefusedException}, one that could not be reached into {@link
 * BackendUnavailableException}, both naming the cache and the server (never its password).
 */
final class GuardedConnection implements AutoCloseable {
  private final String alias;
  private final String location;
  private final RedisConnection connection;
  private final long commandTimeoutMillis;

  GuardedConnection(CacheSettings settings, RedisOptions options, RedisConnection connection) {
    this.alias = settings.alias();
    this.location = settings.displayLocation();
    this.connection = connection;
    this.commandTimeoutMillis = options.commandTimeout().toMillis();
  }

  /** Runs {@code command} on the synchronous commands. */
  <T> T call(String operation, Function<RedisClusterCommands<byte[], byte[]>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RedisCommandExecutionException e) {
      throw refused(operation, e);
    } catch (RedisException e) {
      throw unavailable(operation, e);
    }
  }

  /**
   * Sends the commands {@code commands} makes on the asynchronous API without waiting between them
   * (a pipeline), then waits for every reply.
   */
  <T> List<T> pipeline(
      String operation,
      Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<T>>> commands) {
    return call(
        operation,
        ignored -> {
          List<RedisFuture<T>> futures = commands.apply(connection.async());
          return futures.stream()
              .map(
                  f -> LettuceFutures.awaitOrCancel(f, commandTimeoutMillis, TimeUnit.MILLISECONDS))
              .toList();
        });
  }

  /** The raw connection, opened if need be. */
  StatefulConnection<byte[], byte[]> connection() {
    return call("connect", ignored -> connection.connection());
  }

  /** The raw synchronous commands, opened if need be. */
  RedisClusterCommands<byte[], byte[]> commands() {
    return call("connect", ignored -> connection.sync());
  }

  BackendRefusedException refused(String operation, RedisCommandExecutionException e) {
    return new BackendRefusedException(
        "Cache '" + alias + "': Redis at " + location + " refused " + operation + ": " + e.getMessage(),
        e);
  }

  BackendUnavailableException unavailable(String operation, RuntimeException e) {
    return new BackendUnavailableException(
        "Cache '"
            + alias
            + "': "
            + operation
            + " failed on Redis at "
            + location
            + ": "
            + e.getMessage(),
        e);
  }

  @Override
  public void close() {
    connection.close();
  }
}
