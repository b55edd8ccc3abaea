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

  /**
   * The value stored under {@code key}, or null when it is absent or expired.
   *
   * @param <T> the type the caller expects; the value is cast unchecked, so a wrong guess fails at
   *     the caller's assignment
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return the stored value, or null when the key is absent, expired or holds a stored null
   */
  default <T> T get(String key) {
    return get(key, (T) null);
  }

  /**
   * The value stored under {@code key}, or {@code defaultValue} when it is absent or expired. A
   * stored null is returned as null.
   *
   * @param <T> the type of the value and of the default
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param defaultValue what to return on a miss; may be null
   * @return the stored value (null if null was stored), or {@code defaultValue} when the key is
   *     absent or expired
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
   * @param <T> the expected type
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param type the class the stored value must be an instance of; not null
   * @return the stored value, or null when the key is absent, expired or holds a stored null
   * @throws IllegalStateException if the stored value is of another type; the message names the
   *     key and both types
   */
  <T> T get(String key, Class<T> type);

  /**
   * Stores {@code value} under {@code key} with the cache's default timeout.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null, which is stored and read back as null
   * @throws SerializationException if the value cannot be serialized; nothing is written then
   */
  default void set(String key, Object value) {
    set(key, value, Timeout.DEFAULT);
  }

  /**
   * Stores {@code value} under {@code key}, replacing any value.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null, which is stored and read back as null
   * @param timeout how long the entry lives, counted in seconds from now as in Django: {@link
   *     Timeout#DEFAULT} for the cache's configured timeout, {@link Timeout#NEVER} for no expiry, zero
   *     or less for an entry that is expired at once; not null
   * @throws SerializationException if the value cannot be serialized; nothing is written then
   */
  void set(String key, Object value, Timeout timeout);

  /**
   * {@link #add(String, Object, Timeout)} with the cache's default timeout.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @return true if the value was stored, false if the key already held an unexpired value
   */
  default boolean add(String key, Object value) {
    return add(key, value, Timeout.DEFAULT);
  }

  /**
   * Stores {@code value} only if {@code key} is absent or expired.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param value the value to store; may be null
   * @param timeout how long the entry lives, as for {@link #set(String, Object, Timeout)}; not null
   * @return false if the key already held an unexpired value; true if the value was stored (a zero timeout stores nothing readable but still returns
   *     true, as in Django)
   */
  boolean add(String key, Object value, Timeout timeout);

  /**
   * {@link #getOrSet(String, Supplier, Timeout)} with the cache's default timeout.
   *
   * @param <T> the type of the value
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param supplier computes the value on a miss; not null, and may return null
   * @return the cached value, or the computed one on a miss
   */
  default <T> T getOrSet(String key, Supplier<? extends T> supplier) {
    return getOrSet(key, supplier, Timeout.DEFAULT);
  }

  /**
   * The value stored under {@code key}; on a miss, computes it with {@code supplier}, adds it, and
   * returns what the cache then holds. The supplier runs only on a miss, and only once per process
   * for concurrent misses on the same key: the other callers wait for its result. An exception from
   * the supplier reaches every waiting caller and nothing is stored.
   *
   * @param <T> the type of the value
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param supplier computes the value on a miss; not null, and may return null, which is stored
   * @param timeout how long a computed entry lives, as for {@link #set(String, Object, Timeout)};
   *     not null
   * @return the value the cache holds after the call: the stored one on a hit, otherwise the one
   *     added (another process's value if it added first)
   * @throws IllegalStateException if the supplier calls {@code getOrSet} for the same key
   */
  <T> T getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout);

  /**
   * Resets the expiry of {@code key} to the cache's default timeout.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return true if the key existed, false if it was absent or expired
   */
  default boolean touch(String key) {
    return touch(key, Timeout.DEFAULT);
  }

  /**
   * Sets a new expiry on an existing, unexpired key; the value is unchanged.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param timeout the new lifetime, counted from now, as for {@link #set(String, Object,
   *     Timeout)}; not null
   * @return true if the key existed, false if it was absent or expired
   */
  boolean touch(String key, Timeout timeout);

  /**
   * Removes {@code key}.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return true if something was deleted, false if the key was absent
   */
  boolean delete(String key);

  /**
   * Whether {@code key} holds an unexpired value.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return true if the key holds an unexpired value (a stored null counts), false otherwise
   */
  boolean hasKey(String key);

  /**
   * The values of the keys that are present, in the order of {@code keys}. Absent keys are left
   * out; stored nulls are included.
   *
   * @param <T> the type the caller expects of every value; the values are cast unchecked
   * @param keys the caller's keys, before {@code key_prefix} and version are applied; not null, and
   *     may be empty
   * @return the present keys (the caller's, not the stored ones) mapped to their values; empty when
   *     none is present
   */
  <T> Map<String, T> getMany(Collection<String> keys);

  /**
   * {@link #setMany(Map, Timeout)} with the cache's default timeout.
   *
   * @param values the caller's keys mapped to the values to store; not null, and values may be null
   * @return the keys that could not be stored (empty when all were)
   */
  default List<String> setMany(Map<String, ?> values) {
    return setMany(values, Timeout.DEFAULT);
  }

  /**
   * Stores every entry of {@code values}.
   *
   * @param values the caller's keys mapped to the values to store; not null, and values may be null
   * @param timeout how long every entry lives, as for {@link #set(String, Object, Timeout)}; not
   *     null
   * @return the keys that could not be stored (empty when all were)
   */
  List<String> setMany(Map<String, ?> values, Timeout timeout);

  /**
   * Removes every key of {@code keys}; absent keys are ignored.
   *
   * @param keys the caller's keys, before {@code key_prefix} and version are applied; not null
   */
  void deleteMany(Collection<String> keys);

  /**
   * {@code incr(key, 1)}.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return the value after the increment
   * @throws MissingKeyException if the key is absent
   * @throws NotAnIntegerException if the value is not an integer
   */
  default long incr(String key) {
    return incr(key, 1);
  }

  /**
   * Adds {@code delta} to the integer stored under {@code key} and returns the new value. Atomic
   * where the backend allows (locmem, file, Redis, memcached); the key keeps its remaining time to
   * live where the store allows.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param delta the amount to add; may be negative
   * @return the value after the increment
   * @throws MissingKeyException if the key is absent
   * @throws NotAnIntegerException if the value is not an integer
   */
  long incr(String key, long delta);

  /**
   * {@code decr(key, 1)}.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @return the value after the decrement
   * @throws MissingKeyException if the key is absent
   * @throws NotAnIntegerException if the value is not an integer
   */
  default long decr(String key) {
    return decr(key, 1);
  }

  /**
   * {@code incr(key, -delta)}.
   *
   * @param key the caller's key, before {@code key_prefix} and version are applied; not null
   * @param delta the amount to subtract; may be negative
   * @return the value after the decrement
   * @throws MissingKeyException if the key is absent
   * @throws NotAnIntegerException if the value is not an integer
   * @throws ArithmeticException if {@code delta} is {@link Long#MIN_VALUE}, which has no negation
   */
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

  /**
   * {@code incrVersion(key, 1)}.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @return the new version
   * @throws MissingKeyException if the key is absent
   */
  default int incrVersion(String key) {
    return incrVersion(key, 1);
  }

  /**
   * Moves the value of {@code key} from this view's version to version + {@code delta} (with the
   * default timeout, as in Django) and returns the new version.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @param delta how many versions to move by; may be negative
   * @return the version the value now lives at
   * @throws MissingKeyException if the key is absent
   */
  int incrVersion(String key, int delta);

  /**
   * {@code incrVersion(key, -1)}.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @return the new version
   * @throws MissingKeyException if the key is absent
   */
  default int decrVersion(String key) {
    return decrVersion(key, 1);
  }

  /**
   * {@code incrVersion(key, -delta)}.
   *
   * @param key the caller's key, without {@code key_prefix} or version; not null
   * @param delta how many versions to move back by; may be negative
   * @return the new version
   * @throws MissingKeyException if the key is absent
   * @throws ArithmeticException if {@code delta} is {@link Integer#MIN_VALUE}
   */
  default int decrVersion(String key, int delta) {
    return incrVersion(key, Math.negateExact(delta));
  }

  /**
   * A view of this cache whose operations use {@code version} (Django's {@code version=}
   * argument). The view shares the store, statistics and settings.
   *
   * @param version the version every operation of the view uses; any int
   * @return a view at {@code version}; this cache is unchanged
   */
  Cache withVersion(int version);

  /**
   * The version this view's operations use.
   *
   * @return the configured {@code version}, or the one given to {@link #withVersion(int)}
   */
  int version();

  /**
   * The key this cache stores {@code key} under, at this view's version.
   *
   * @param key the caller's key; not null
   * @return the stored key made by the cache's key function (by default {@code
   *     prefix:version:key})
   */
  String makeKey(String key);

  /**
   * The same operations, returning {@link java.util.concurrent.CompletableFuture}s.
   *
   * @return the asynchronous view of this cache, at this view's version
   */
  AsyncCache async();

  /**
   * Counters of hits, misses, sets, deletes and errors since the cache was created.
   *
   * @return the counters, shared by every view of this cache
   */
  CacheStats stats();

  /**
   * The validated settings this cache was built from.
   *
   * @return the settings; never null
   */
  CacheSettings settings();

  /**
   * The backend behind this cache as {@code type}, for operations beyond Django's API, e.g.
   * {@code cache.unwrap(FileBasedStore.class)}.
   *
   * @param <T> the type asked for
   * @param type the class or interface the backend should implement; not null
   * @return the backend, never null
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
