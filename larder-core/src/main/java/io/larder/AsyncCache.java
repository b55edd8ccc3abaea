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
  /**
   * {@link Cache#get(String)}, asynchronously.
   *
   * @param <T> the type the caller expects; the value is cast unchecked
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of the stored value, or of null when the key is absent or expired
   */
  <T> CompletableFuture<T> get(String key);

  /**
   * {@link Cache#get(String, Object)}, asynchronously.
   *
   * @param <T> the type of the value and of the default
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param defaultValue what the future completes with on a miss; may be null
   * @return a future of the stored value, or of {@code defaultValue} when the key is absent or
   *     expired
   */
  <T> CompletableFuture<T> get(String key, T defaultValue);

  /**
   * {@link Cache#get(String, Class)}, asynchronously.
   *
   * @param <T> the expected type
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param type the class the stored value must be an instance of; not null
   * @return a future of the stored value, or of null when the key is absent or expired; it
   *     completes with {@link IllegalStateException} if the value is of another type
   */
  <T> CompletableFuture<T> get(String key, Class<T> type);

  /**
   * {@link Cache#set(String, Object)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @return a future that completes when the value is stored
   */
  CompletableFuture<Void> set(String key, Object value);

  /**
   * {@link Cache#set(String, Object, Timeout)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @param timeout how long the entry lives, as for {@link Cache#set(String, Object, Timeout)};
   *     not null
   * @return a future that completes when the value is stored
   */
  CompletableFuture<Void> set(String key, Object value, Timeout timeout);

  /**
   * {@link Cache#add(String, Object)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @return a future of true if the value was stored, false if the key held an unexpired value
   */
  CompletableFuture<Boolean> add(String key, Object value);

  /**
   * {@link Cache#add(String, Object, Timeout)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @param timeout how long the entry lives, as for {@link Cache#set(String, Object, Timeout)};
   *     not null
   * @return a future of true if the value was stored, false if the key held an unexpired value
   */
  CompletableFuture<Boolean> add(String key, Object value, Timeout timeout);

  /**
   * {@link Cache#getOrSet(String, Supplier)}, asynchronously.
   *
   * @param <T> the type of the value
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param supplier computes the value on a miss; not null, and may return null
   * @return a future of the cached value, or of the computed one on a miss
   */
  <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier);

  /**
   * {@link Cache#getOrSet(String, Supplier, Timeout)}, asynchronously.
   *
   * @param <T> the type of the value
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param supplier computes the value on a miss; not null, and may return null
   * @param timeout how long the entry lives, as for {@link Cache#set(String, Object, Timeout)};
   *     not null
   * @return a future of the cached value, or of the computed one on a miss
   */
  <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout);

  /**
   * {@link Cache#touch(String)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of true if the key existed, false if it was absent or expired
   */
  CompletableFuture<Boolean> touch(String key);

  /**
   * {@link Cache#touch(String, Timeout)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param timeout the new lifetime, counted from now; not null
   * @return a future of true if the key existed, false if it was absent or expired
   */
  CompletableFuture<Boolean> touch(String key, Timeout timeout);

  /**
   * {@link Cache#delete(String)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of true if something was deleted, false if the key was absent
   */
  CompletableFuture<Boolean> delete(String key);

  /**
   * {@link Cache#hasKey(String)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of true if the key holds an unexpired value (a stored null counts)
   */
  CompletableFuture<Boolean> hasKey(String key);

  /**
   * {@link Cache#getMany(Collection)}, asynchronously.
   *
   * @param <T> the type the caller expects of every value
   * @param keys the caller's keys; not null, and may be empty
   * @return a future of the present keys mapped to their values, in the order of {@code keys}
   */
  <T> CompletableFuture<Map<String, T>> getMany(Collection<String> keys);

  /**
   * {@link Cache#setMany(Map)}, asynchronously.
   *
   * @param values the caller's keys mapped to the values to store; not null
   * @return a future of the keys that could not be stored (empty when all were)
   */
  CompletableFuture<List<String>> setMany(Map<String, ?> values);

  /**
   * {@link Cache#setMany(Map, Timeout)}, asynchronously.
   *
   * @param values the caller's keys mapped to the values to store; not null
   * @param timeout how long the entry lives, as for {@link Cache#set(String, Object, Timeout)};
   *     not null
   * @return a future of the keys that could not be stored (empty when all were)
   */
  CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout);

  /**
   * {@link Cache#deleteMany(Collection)}, asynchronously.
   *
   * @param keys the caller's keys; not null
   * @return a future that completes when the keys are removed
   */
  CompletableFuture<Void> deleteMany(Collection<String> keys);

  /**
   * {@link Cache#incr(String)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of the value after the increment; it completes with {@link
   *     MissingKeyException} if the key is absent
   */
  CompletableFuture<Long> incr(String key);

  /**
   * {@link Cache#incr(String, long)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param delta the amount to add; may be negative
   * @return a future of the value after the increment; it completes with {@link
   *     MissingKeyException} if the key is absent
   */
  CompletableFuture<Long> incr(String key, long delta);

  /**
   * {@link Cache#decr(String)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return a future of the value after the decrement; it completes with {@link
   *     MissingKeyException} if the key is absent
   */
  CompletableFuture<Long> decr(String key);

  /**
   * {@link Cache#decr(String, long)}, asynchronously.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param delta the amount to subtract; may be negative
   * @return a future of the value after the decrement; it completes with {@link
   *     MissingKeyException} if the key is absent
   */
  CompletableFuture<Long> decr(String key, long delta);

  /**
   * {@link Cache#clear()}, asynchronously.
   *
   * @return a future that completes when the store is emptied
   */
  CompletableFuture<Void> clear();

  /**
   * {@link Cache#incrVersion(String)}, asynchronously.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @return a future of the new version; it completes with {@link MissingKeyException} if the
   *     key is absent
   */
  CompletableFuture<Integer> incrVersion(String key);

  /**
   * {@link Cache#incrVersion(String, int)}, asynchronously.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @param delta how many versions to move by; may be negative
   * @return a future of the new version; it completes with {@link MissingKeyException} if the
   *     key is absent
   */
  CompletableFuture<Integer> incrVersion(String key, int delta);

  /**
   * {@link Cache#decrVersion(String)}, asynchronously.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @return a future of the new version; it completes with {@link MissingKeyException} if the
   *     key is absent
   */
  CompletableFuture<Integer> decrVersion(String key);

  /**
   * {@link Cache#decrVersion(String, int)}, asynchronously.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @param delta how many versions to move back by; may be negative
   * @return a future of the new version; it completes with {@link MissingKeyException} if the
   *     key is absent
   */
  CompletableFuture<Integer> decrVersion(String key, int delta);

  /**
   * {@link Cache#close()}, asynchronously: does nothing, as the backend is released only by
   * {@link Caches#close()}.
   *
   * @return a future that completes at once
   */
  CompletableFuture<Void> close();

  /**
   * The synchronous view these operations run against.
   *
   * @return the {@link Cache} this view was obtained from
   */
  Cache sync();
}
