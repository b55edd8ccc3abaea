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
  /**
   * {@link #load}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @return a stage of the stored value (null for a stored null), or of {@link #MISSING}
   */
  CompletionStage<Object> loadAsync(String key);

  /**
   * {@link #store}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @param value the value to store; may be null
   * @param timeout a finite timeout or {@link Timeout#NEVER}, as for {@link #store}
   * @return a stage that completes when the value is stored
   */
  CompletionStage<Void> storeAsync(String key, Object value, Timeout timeout);

  /**
   * {@link #storeIfAbsent}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @param value the value to store; may be null
   * @param timeout a finite timeout or {@link Timeout#NEVER}, as for {@link #store}
   * @return a stage of true if the value was stored, false if the key held an unexpired value
   */
  CompletionStage<Boolean> storeIfAbsentAsync(String key, Object value, Timeout timeout);

  /**
   * {@link #expire}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @param timeout the new lifetime, as for {@link #expire}
   * @return a stage of true if the key existed, false if it was absent or expired
   */
  CompletionStage<Boolean> expireAsync(String key, Timeout timeout);

  /**
   * {@link #remove}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @return a stage of true if something was removed, false if the key was absent
   */
  CompletionStage<Boolean> removeAsync(String key);

  /**
   * {@link #contains}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @return a stage of true if the key holds an unexpired value (a stored null counts)
   */
  CompletionStage<Boolean> containsAsync(String key);

  /**
   * {@link #loadMany}, asynchronously.
   *
   * @param keys made keys, as for {@link #loadMany}; not null
   * @return a stage of the present keys mapped to their values, in the order of {@code keys}
   */
  CompletionStage<Map<String, Object>> loadManyAsync(List<String> keys);

  /**
   * {@link #increment}, asynchronously.
   *
   * @param key the made key, as for {@link #load}
   * @param delta the amount to add; may be negative
   * @param defaultTimeout the cache's default timeout, as for {@link #increment}
   * @return a stage of the new value, or of {@link #MISSING} when the key is absent
   */
  CompletionStage<Object> incrementAsync(String key, long delta, Timeout defaultTimeout);
}
