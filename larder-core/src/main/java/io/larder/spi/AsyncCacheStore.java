package io.larder.spi;

import io.larder.Timeout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A store whose client is asynchronous (Lettuce, Hazelcast): the engine serves {@code
 * cache.async()} through these, so a call holds no thread while it waits for the server. Each
 * method means what its {@link CacheStore} twin means; a future that fails carries the same
 * exceptions ({@link io.larder.BackendUnavailableException}, {@link
 * io.larder.BackendRefusedException}, …). The operations not here ({@code getOrSet}, {@code clear},
 * {@code incrVersion}, the many-key writes) run their synchronous forms on Larder's pool.
 *
 * <pre>{@code
 * public CompletionStage<Object> loadAsync(String key) {
 *   return client.getAsync(key).thenApply(bytes -> bytes == null ? MISSING : context.deserialize(bytes));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface AsyncCacheStore extends CacheStore {
  /** {@link #load}: the value, or {@link #MISSING}. */
  CompletionStage<Object> loadAsync(String key);

  /** {@link #store}. */
  CompletionStage<Void> storeAsync(String key, Object value, Timeout timeout);

  /** {@link #storeIfAbsent}. */
  CompletionStage<Boolean> storeIfAbsentAsync(String key, Object value, Timeout timeout);

  /** {@link #expire}. */
  CompletionStage<Boolean> expireAsync(String key, Timeout timeout);

  /** {@link #remove}. */
  CompletionStage<Boolean> removeAsync(String key);

  /** {@link #contains}. */
  CompletionStage<Boolean> containsAsync(String key);

  /** {@link #loadMany}: the values of the keys present, keyed by key. */
  CompletionStage<Map<String, Object>> loadManyAsync(List<String> keys);

  /** {@link #increment}: the new value, or {@link #MISSING}. */
  CompletionStage<Object> incrementAsync(String key, long delta, Timeout defaultTimeout);
}
