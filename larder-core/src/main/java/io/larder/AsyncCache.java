package io.larder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link Cache} operations as {@link CompletableFuture}s (Django's {@code aget}, {@code aset},
 * …), with identical semantics. Obtained with {@link Cache#async()}:
 *
 * <pre>{@code
 * cache.async().get("user:42").thenAccept(user -> render(user));
 * }</pre>
 *
 * <p>A failure completes the future exceptionally with the exception the synchronous call would
 * throw. Backends that block on I/O run the call on Larder's bounded shared pool ({@code
 * larder-async-N} daemon threads, {@code Caches.Builder.asyncExecutor} to use your own); in-memory
 * backends complete the future before returning it.
 *
 * @since 0.1
 */
public interface AsyncCache {
  <T> CompletableFuture<T> get(String key);

  <T> CompletableFuture<T> get(String key, T defaultValue);

  /** {@link Cache#get(String, Class)}. */
  <T> CompletableFuture<T> get(String key, Class<T> type);

  CompletableFuture<Void> set(String key, Object value);

  CompletableFuture<Void> set(String key, Object value, Timeout timeout);

  CompletableFuture<Boolean> add(String key, Object value);

  CompletableFuture<Boolean> add(String key, Object value, Timeout timeout);

  <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier);

  <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout);

  CompletableFuture<Boolean> touch(String key);

  CompletableFuture<Boolean> touch(String key, Timeout timeout);

  CompletableFuture<Boolean> delete(String key);

  CompletableFuture<Boolean> hasKey(String key);

  <T> CompletableFuture<Map<String, T>> getMany(Collection<String> keys);

  CompletableFuture<List<String>> setMany(Map<String, ?> values);

  CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout);

  CompletableFuture<Void> deleteMany(Collection<String> keys);

  CompletableFuture<Long> incr(String key);

  CompletableFuture<Long> incr(String key, long delta);

  CompletableFuture<Long> decr(String key);

  CompletableFuture<Long> decr(String key, long delta);

  CompletableFuture<Void> clear();

  CompletableFuture<Integer> incrVersion(String key);

  CompletableFuture<Integer> incrVersion(String key, int delta);

  CompletableFuture<Integer> decrVersion(String key);

  CompletableFuture<Integer> decrVersion(String key, int delta);

  CompletableFuture<Void> close();

  /** The synchronous view these operations run against. */
  Cache sync();
}
