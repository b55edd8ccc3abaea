package io.larder.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The Redis commands a cache's primitives are written on, once for both clients: {@link
 * LettuceWire} sends them on Lettuce's asynchronous API (a stage that completes later), {@link
 * JedisWire} runs them on a pooled blocking connection (a stage already complete). A failed stage
 * holds Larder's error ({@link RedisErrors}), never a client's own.
 *
 * <p>{@code operation} is the cache operation a command serves ({@code "get"}, {@code "add"}, …),
 * for the error message. An expiry {@code px} is in milliseconds, null for none, and above zero.
 */
interface RedisWire extends AutoCloseable {

  /** {@code GET}: the stored bytes, or null. */
  CompletionStage<byte[]> get(String operation, byte[] key);

  /** {@code MGET}: the stored bytes of each key in order, null where there is none. */
  CompletionStage<List<byte[]>> getAll(String operation, byte[][] keys);

  /** {@code SET}, with {@code PX} when {@code px} is not null. */
  CompletionStage<Void> set(String operation, byte[] key, byte[] value, Long px);

  /** {@code SET … NX}: true if it was set. */
  CompletionStage<Boolean> setIfAbsent(String operation, byte[] key, byte[] value, Long px);

  /** {@code SET … KEEPTTL}. */
  CompletionStage<Void> setKeepingExpiry(String operation, byte[] key, byte[] value);

  /** One {@code SET} per entry, pipelined: sent without waiting between them. */
  CompletionStage<Void> setAll(String operation, Map<byte[], byte[]> entries, Long px);

  /** {@code DEL}: how many of the keys existed. */
  CompletionStage<Long> delete(String operation, byte[]... keys);

  /** {@code EXISTS} of one key. */
  CompletionStage<Boolean> exists(String operation, byte[] key);

  /** {@code PERSIST}: true if the key existed and had an expiry. */
  CompletionStage<Boolean> persist(String operation, byte[] key);

  /** {@code PEXPIRE}: true if the key existed. */
  CompletionStage<Boolean> expire(String operation, byte[] key, long px);

  /** {@code PTTL}: milliseconds left, -1 for a key without expiry, -2 for an absent key. */
  CompletionStage<Long> timeToLive(String operation, byte[] key);

  /** {@code EVAL} of {@code script} on one key and one argument, answering a bulk string or null. */
  CompletionStage<byte[]> eval(String operation, String script, byte[] key, byte[] argument);

  /**
   * True when a command sent now would first wait for a connection (every pooled one is in use):
   * the caller sends it on another wire instead.
   */
  default boolean saturated() {
    return false;
  }

  /** Releases what this wire holds of its own (a pool); a shared connection is closed elsewhere. */
  @Override
  void close();
}
