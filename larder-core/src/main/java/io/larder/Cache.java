package io.larder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A named cache: every operation of Django's {@code BaseCache}, with its semantics.
 *
 * <pre>{@code
 * Cache cache = Caches.load(Path.of("larder.yml")).get("default");
 * cache.set("greeting", "Hello", Timeout.seconds(60));
 * String s = cache.get("greeting");                      // "Hello"; null when absent
 * Report r = cache.getOrSet("report", () -> build(), Timeout.minutes(10));
 * long hits = cache.incr("hits");
 * cache.withVersion(2).get("greeting");                  // Django's version= argument
 * }</pre>
 *
 * <p>Keys are made by the cache's key function from the caller's key, {@code key_prefix} and
 * version (Django's default gives {@code prefix:version:key}) and then validated by memcached's
 * rules: a backend that cannot store an invalid key throws {@link InvalidCacheKeyException}, the
 * others log a warning. {@code null} is a legal value, as Django's {@code None} is: {@link
 * #get(String, Object)} returns a stored null, not the default.
 *
 * <p>Every method is thread-safe. A backend that fails throws {@link BackendUnavailableException},
 * unless the cache is configured with {@code ignore_exceptions: true}, when reads miss and writes are
 * dropped instead.
 *
 * @since 0.1
 */
public interface Cache extends AutoCloseable {

  /** The value stored under {@code key}, or null when it is absent or expired. */
  default <T> T get(String key) {
    return get(key, (T) null);
  }

  /**
   * The value stored under {@code key}, or {@code defaultValue} when it is absent or expired. A
   * stored null is returned as null.
   */
  <T> T get(String key, T defaultValue);

  /**
   * The value stored under {@code key} if it is a {@code type}, or null when it is absent or
   * expired (a stored null is returned as null too), as Spring's {@code Cache.get(key, type)}.
   *
   * <pre>{@code
   * User user = cache.get("user:42", User.class);
   * }</pre>
   *
   * @throws IllegalStateException if the stored value is of another type; the message names the
   *     key and both types
   */
  <T> T get(String key, Class<T> type);

  /** Stores {@code value} under {@code key} with the cache's default timeout. */
  default void set(String key, Object value) {
    set(key, value, Timeout.DEFAULT);
  }

  /**
   * Stores {@code value} under {@code key}, replacing any value.
   *
   * @throws SerializationException if the value cannot be serialized; nothing is written then
   */
  void set(String key, Object value, Timeout timeout);

  /** {@link #add(String, Object, Timeout)} with the cache's default timeout. */
  default boolean add(String key, Object value) {
    return add(key, value, Timeout.DEFAULT);
  }

  /**
   * Stores {@code value} only if {@code key} is absent or expired.
   *
   * @return true if the value was stored (a zero timeout stores nothing readable but still returns
   *     true, as in Django)
   */
  boolean add(String key, Object value, Timeout timeout);

  /** {@link #getOrSet(String, Supplier, Timeout)} with the cache's default timeout. */
  default <T> T getOrSet(String key, Supplier<? extends T> supplier) {
    return getOrSet(key, supplier, Timeout.DEFAULT);
  }

  /**
   * The value stored under {@code key}; on a miss, computes it with {@code supplier}, adds it, and
   * returns what the cache then holds. The supplier runs only on a miss, and only once per process
   * for concurrent misses on the same key: the other callers wait for its result. An exception from
   * the supplier reaches every waiting caller and nothing is stored.
   *
   * @throws IllegalStateException if the supplier calls {@code getOrSet} for the same key
   */
  <T> T getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout);

  /** Resets the expiry of {@code key} to the cache's default timeout. */
  default boolean touch(String key) {
    return touch(key, Timeout.DEFAULT);
  }

  /**
   * Sets a new expiry on an existing, unexpired key; the value is unchanged.
   *
   * @return true if the key existed
   */
  boolean touch(String key, Timeout timeout);

  /**
   * Removes {@code key}.
   *
   * @return true if something was deleted
   */
  boolean delete(String key);

  /** True if {@code key} holds an unexpired value (a stored null counts). */
  boolean hasKey(String key);

  /**
   * The values of the keys that are present, in the order of {@code keys}. Absent keys are left
   * out; stored nulls are included.
   */
  <T> Map<String, T> getMany(Collection<String> keys);

  /** {@link #setMany(Map, Timeout)} with the cache's default timeout. */
  default List<String> setMany(Map<String, ?> values) {
    return setMany(values, Timeout.DEFAULT);
  }

  /**
   * Stores every entry of {@code values}.
   *
   * @return the keys that could not be stored (empty when all were)
   */
  List<String> setMany(Map<String, ?> values, Timeout timeout);

  /** Removes every key of {@code keys}. */
  void deleteMany(Collection<String> keys);

  /** {@code incr(key, 1)}. */
  default long incr(String key) {
    return incr(key, 1);
  }

  /**
   * Adds {@code delta} to the integer stored under {@code key} and returns the new value. Atomic
   * where the backend allows (locmem, file, Redis, memcached); the key keeps its remaining time to
   * live where the store allows.
   *
   * @throws MissingKeyException if the key is absent
   * @throws NotAnIntegerException if the value is not an integer
   */
  long incr(String key, long delta);

  /** {@code decr(key, 1)}. */
  default long decr(String key) {
    return decr(key, 1);
  }

  /** {@code incr(key, -delta)}. */
  default long decr(String key, long delta) {
    return incr(key, Math.negateExact(delta));
  }

  /**
   * Removes every entry of this cache's store, including other prefixes and versions (for the file
   * backend: every {@code .djcache} file of its directory). The Redis backend differs where Django
   * is unsafe: a cache with a {@code key_prefix} removes only that prefix's keys, of every version;
   * only one without a prefix flushes its database.
   */
  void clear();

  /** {@code incrVersion(key, 1)}. */
  default int incrVersion(String key) {
    return incrVersion(key, 1);
  }

  /**
   * Moves the value of {@code key} from this view's version to version + {@code delta} (with the
   * default timeout, as in Django) and returns the new version.
   *
   * @throws MissingKeyException if the key is absent
   */
  int incrVersion(String key, int delta);

  /** {@code incrVersion(key, -1)}. */
  default int decrVersion(String key) {
    return decrVersion(key, 1);
  }

  /** {@code incrVersion(key, -delta)}. */
  default int decrVersion(String key, int delta) {
    return incrVersion(key, Math.negateExact(delta));
  }

  /**
   * A view of this cache whose operations use {@code version} (Django's {@code version=}
   * argument). The view shares the store, statistics and settings.
   */
  Cache withVersion(int version);

  /** The version this view's operations use: the configured {@code version} unless changed. */
  int version();

  /** The key this cache stores {@code key} under, at this view's version. */
  String makeKey(String key);

  /** The same operations, returning {@link java.util.concurrent.CompletableFuture}s. */
  AsyncCache async();

  /** Counters of hits, misses, sets, deletes and errors since the cache was created. */
  CacheStats stats();

  /** The validated settings this cache was built from. */
  CacheSettings settings();

  /**
   * The backend behind this cache as {@code type}, for operations beyond Django's API, e.g.
   * {@code cache.unwrap(FileBasedStore.class)}.
   *
   * @throws IllegalArgumentException if the backend is not a {@code type}
   */
  <T> T unwrap(Class<T> type);

  /**
   * Does nothing: a {@code Cache} is a handle on a backend that its {@link Caches} shares among
   * every handle, view and thread, and only {@link Caches#close()} releases it (Django's {@code
   * close_all}). Kept so that {@code try (Cache v2 = cache.withVersion(2)) { … }} compiles and
   * leaves the cache working.
   */
  @Override
  default void close() {}
}
