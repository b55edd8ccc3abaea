package io.larder.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link RedisWire} on Lettuce's asynchronous commands: every topology (one server, replicas,
 * Sentinel, Cluster), no thread held while a reply is awaited.
 */
final class LettuceWire implements RedisWire {
  private final GuardedConnection redis;

  LettuceWire(GuardedConnection redis) {
    this.redis = redis;
  }

  private static SetArgs expiring(Long px) {
    return px == null ? new SetArgs() : SetArgs.Builder.px(px);
  }

  @Override
  public CompletionStage<byte[]> get(String operation, byte[] key) {
    return redis.callAsync(operation, c -> c.get(key));
  }

  @Override
  public CompletionStage<List<byte[]>> getAll(String operation, byte[][] keys) {
    return redis
        .callAsync(operation, c -> c.mget(keys))
        .thenApply(
            values -> {
              List<byte[]> found = new ArrayList<>(values.size());
              for (KeyValue<byte[], byte[]> value : values) {
                found.add(value.getValueOrElse(null));
              }
              return found;
            });
  }

  @Override
  public CompletionStage<Void> set(String operation, byte[] key, byte[] value, Long px) {
    return redis.callAsync(operation, c -> c.set(key, value, expiring(px))).thenAccept(ok -> {});
  }

  @Override
  public CompletionStage<Boolean> setIfAbsent(
      String operation, byte[] key, byte[] value, Long px) {
    return redis
        .callAsync(operation, c -> c.set(key, value, expiring(px).nx()))
        .thenApply("OK"::equals);
  }

  @Override
  public CompletionStage<Void> setKeepingExpiry(String operation, byte[] key, byte[] value) {
    return redis
        .callAsync(operation, c -> c.set(key, value, new SetArgs().keepttl()))
        .thenAccept(ok -> {});
  }

  @Override
  public CompletionStage<Void> setAll(String operation, Map<byte[], byte[]> entries, Long px) {
    SetArgs args = expiring(px);
    List<CompletableFuture<String>> replies = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> replies.add(redis.callAsync(operation, c -> c.set(key, value, args))));
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new));
  }

  @Override
  public CompletionStage<Long> delete(String operation, byte[]... keys) {
    return redis.callAsync(operation, c -> c.del(keys));
  }

  @Override
  public CompletionStage<Boolean> exists(String operation, byte[] key) {
    return redis.callAsync(operation, c -> c.exists(key)).thenApply(n -> n == 1);
  }

  @Override
  public CompletionStage<Boolean> persist(String operation, byte[] key) {
    return redis.callAsync(operation, c -> c.persist(key));
  }

  @Override
  public CompletionStage<Boolean> expire(String operation, byte[] key, long px) {
    return redis.callAsync(operation, c -> c.pexpire(key, px));
  }

  @Override
  public CompletionStage<Long> timeToLive(String operation, byte[] key) {
    return redis.callAsync(operation, c -> c.pttl(key));
  }

  @Override
  public CompletionStage<byte[]> eval(
      String operation, String script, byte[] key, byte[] argument) {
    return redis.<byte[]>callAsync(
        operation,
        c -> (RedisFuture<byte[]>) c.<byte[]>eval(script, ScriptOutputType.VALUE, new byte[][] {key}, argument));
  }

  @Override
  public void close() {
    // The connection is the cache's, closed with it.
  }
}
