package io.larder.redis;

import io.larder.CacheSettings;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A cache's {@link RedisConnection} whose every command goes through {@link #call}, which
 * translates Lettuce's failures once: a server that answered with an error (WRONGTYPE, OOM, …)
 * into {@link BackendRefusedException}, one that could not be reached into {@link
 * BackendUnavailableException}, both naming the cache and the server (never its password).
 */
final class GuardedConnection implements AutoCloseable {
  private final RedisErrors errors;
  private final RedisConnection connection;
  private final long commandTimeoutMillis;

  GuardedConnection(CacheSettings settings, RedisOptions options, RedisConnection connection) {
    this.errors = new RedisErrors(settings);
    this.connection = connection;
    this.commandTimeoutMillis = options.commandTimeout().toMillis();
  }

  /** Runs {@code command} on the synchronous commands. */
  <T> T call(String operation, Function<RedisClusterCommands<byte[], byte[]>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
  }

  /**
   * Sends {@code command} on the asynchronous commands; the future fails with the translated error.
   * Lettuce times the command out itself (its timeout options, on by default since 6.5).
   */
  <T> CompletableFuture<T> callAsync(
      String operation, Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
    RedisFuture<T> sent;
    try {
      sent = command.apply(connection.async());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(translate(operation, e));
    }
    return sent.toCompletableFuture()
        .handle(
            (result, error) -> {
              if (error == null) {
                return result;
              }
              throw translate(operation, error instanceof CompletionException ? error.getCause() : error);
            });
  }

  /**
   * Waits for {@code stage} (made of {@link #callAsync} calls) as a synchronous call does, at most
   * the command timeout, and raises its error as it is.
   */
  <T> T await(String operation, CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    try {
      return future.get(commandTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw translate(operation, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw errors.timedOut(operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.interrupted(operation, e);
    }
  }

  /**
   * Lettuce's error as Larder's: refused if the server answered, unavailable if it could not be
   * reached or is not ready yet.
   */
  RuntimeException translate(String operation, Throwable error) {
    if (error instanceof RedisLoadingException e) {
      // A restarted server answers LOADING until its data is read back: not ready, not a refusal
      // (redis-py makes it a ConnectionError too), so fail-open and the breaker cover it.
      return errors.unavailable(operation, e);
    }
    if (error instanceof RedisCommandExecutionException e) {
      return errors.refused(operation, e);
    }
    if (error instanceof RuntimeException e && !(error instanceof RedisException)) {
      return e;
    }
    return errors.unavailable(operation, error);
  }

  /** The raw connection, opened if need be. */
  StatefulConnection<byte[], byte[]> connection() {
    return call("connect", ignored -> connection.connection());
  }

  /** The raw synchronous commands, opened if need be. */
  RedisClusterCommands<byte[], byte[]> commands() {
    return call("connect", ignored -> connection.sync());
  }

  /** The vocabulary {@link #translate} uses, for errors found outside a command. */
  RedisErrors errors() {
    return errors;
  }

  @Override
  public void close() {
    connection.close();
  }
}
