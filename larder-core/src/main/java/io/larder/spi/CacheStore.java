package io.larder.spi;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.SerializationException;
import io.larder.Timeout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a backend implements: the primitives of one store, on keys the engine has already made and
 * validated, with timeouts already resolved (never {@link Timeout#DEFAULT}). Everything the
 * backends share lives once in the engine that calls these methods: key making and validation,
 * versions, statistics, failing open and the circuit breaker, single-flight {@code getOrSet}, and
 * the operations Django defines in terms of these ({@code get_or_set}, {@code incr_version}).
 *
 * <p>The smallest store, a complete backend with its {@link CacheBackend descriptor}:
 *
 * <pre>{@code
 * final class MapStore implements CacheStore {
 *   private final Map<String, Object> map = new ConcurrentHashMap<>();
 *   public Object load(String key) { return map.getOrDefault(key, MISSING); }
 *   public void store(String key, Object value, Timeout timeout) { map.put(key, value); }
 *   public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
 *     return map.putIfAbsent(key, value) == null;
 *   }
 *   public boolean expire(String key, Timeout timeout) { return map.containsKey(key); }
 *   public boolean remove(String key) { return map.remove(key) != null; }
 *   public void removeAll() { map.clear(); }
 * }
 * }</pre>
 *
 * <p>A store overrides a default ({@link #loadMany}, {@link #increment}, …) only where it does the
 * job better or atomically. Values are objects: a store that keeps bytes encodes them with {@link
 * StoreContext#serialize} and decodes with {@link StoreContext#deserialize}. A value that is {@code
 * null} is a value, as Django's {@code None} is.
 *
 * <p>Errors: a store that cannot be reached (refused connection, timeout, exhausted pool, an
 * unwritable directory) throws {@link BackendUnavailableException}, which a cache configured to
 * fail open turns into a miss or a dropped write; a server that answered "no" (wrong type, out of
 * memory, value too large) throws {@link BackendRefusedException}, which always reaches the caller.
 * Translate a client's errors once, after the client's own retries.
 *
 * @since 0.1
 */
public interface CacheStore extends AutoCloseable {
  /** What {@link #load} returns for an absent or expired key. */
  Object MISSING = Missing.INSTANCE;

  /**
   * The value stored under {@code key}, or {@link #MISSING} when absent or expired.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @return the stored value (null for a stored null), or {@link #MISSING}
   */
  Object load(String key);

  /**
   * Stores {@code value}; a timeout that {@link Timeout#isExpired() is expired} stores nothing.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @param value the value to store; may be null, which the store keeps as a value
   * @param timeout how long the entry lives: a finite timeout or {@link Timeout#NEVER}, never
   *     {@link Timeout#DEFAULT}, which the engine resolves first
   * @throws io.larder.SerializationException if the value cannot be serialized; nothing is written
   *     then
   */
  void store(String key, Object value, Timeout timeout);

  /**
   * Stores {@code value} if {@code key} is absent or expired, atomically where the store can.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @param value the value to store; may be null, which the store keeps as a value
   * @param timeout how long the entry lives: a finite timeout or {@link Timeout#NEVER}, never
   *     {@link Timeout#DEFAULT}, which the engine resolves first
   * @return true if it stored (an expired timeout stores nothing readable but still counts)
   */
  boolean storeIfAbsent(String key, Object value, Timeout timeout);

  /**
   * Gives an existing, unexpired key a new expiry; the value is unchanged.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @param timeout the new lifetime, counted from now, as for {@link #store}
   * @return true if the key existed, false if it was absent or expired
   */
  boolean expire(String key, Timeout timeout);

  /**
   * Removes {@code key}.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @return true if something was removed, false if the key was absent
   */
  boolean remove(String key);

  /** Removes every entry of the store (Django's {@code clear}). */
  void removeAll();

  /**
   * How long {@code key} has left to live, so that a copy made of it elsewhere (a faster tier of a
   * {@code chain}) expires no later than it does: a positive timeout, {@link Timeout#NEVER} for a
   * key without expiry, or null when the key is absent or expired. A store that cannot tell answers
   * {@link Timeout#DEFAULT}, the default: the copy then lives for its own cache's default timeout.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @return the remaining lifetime, {@link Timeout#NEVER}, {@link Timeout#DEFAULT} when unknown, or
   *     null when the key is absent or expired
   */
  default Timeout timeToLive(String key) {
    return Timeout.DEFAULT;
  }

  /**
   * Whether {@code key} holds an unexpired value. One {@link #load} by default.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @return true if the key holds an unexpired value (a stored null counts), false otherwise
   */
  default boolean contains(String key) {
    return load(key) != MISSING;
  }

  /**
   * The values of the keys present, keyed by key. One {@link #load} per key by default.
   *
   * @param keys made keys, as for {@link #load}; not null
   * @return the present keys mapped to their values, in the order of {@code keys}; absent keys are
   *     left out
   */
  default Map<String, Object> loadMany(List<String> keys) {
    Map<String, Object> found = new LinkedHashMap<>();
    for (String key : keys) {
      Object value = load(key);
      if (value != MISSING) {
        found.put(key, value);
      }
    }
    return found;
  }

  /**
   * Stores every entry and returns the keys that could not be stored because their value could not
   * be serialized. One {@link #store} per entry by default.
   *
   * @param entries made keys mapped to the values to store; not null
   * @param timeout how long the entry lives: a finite timeout or {@link Timeout#NEVER}, never
   *     {@link Timeout#DEFAULT}, which the engine resolves first
   * @return the keys whose value could not be serialized; empty when all were stored
   */
  default List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    entries.forEach(
        (key, value) -> {
          try {
            store(key, value, timeout);
          } catch (SerializationException e) {
            failed.add(key);
          }
        });
    return failed;
  }

  /**
   * Removes every key and returns how many were removed. One {@link #remove} per key by default.
   *
   * @param keys made keys, as for {@link #load}; not null
   * @return how many keys were present and removed
   */
  default int removeMany(List<String> keys) {
    int removed = 0;
    for (String key : keys) {
      if (remove(key)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Adds {@code delta} to the integer under {@code key} and returns the new value, or {@link
   * #MISSING} when the key is absent. The default is Django's: a read, {@link Increments#add}, and a
   * write with {@code defaultTimeout} (the cache's), neither atomic nor keeping the key's expiry;
   * stores that can do better override it and ignore {@code defaultTimeout}.
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @param delta the amount to add; may be negative
   * @param defaultTimeout the cache's default timeout, for a store that rewrites the value
   * @return the new value, an {@code Integer} or a {@code Long}, or {@link #MISSING} when the key
   *     is absent
   * @throws io.larder.NotAnIntegerException if the value is not an integer
   */
  default Object increment(String key, long delta, Timeout defaultTimeout) {
    Object value = load(key);
    if (value == MISSING) {
      return MISSING;
    }
    Object next = Increments.add(key, value, delta);
    store(key, next, defaultTimeout);
    return next;
  }

  /**
   * Runs {@code compute} for a {@code getOrSet} that missed {@code key}. Within a process the engine
   * lets only one caller per key get here; a store shared by several processes may override this to
   * let one process compute while the others wait for its value (Redis's stampede lock).
   *
   * @param key the made key: {@code key_prefix} and version already applied, and validated
   * @param compute computes the value and adds it to the cache; not null
   * @return what {@code compute} returned, or the value another process computed
   */
  default Object computeOnMiss(String key, Supplier<Object> compute) {
    return compute.get();
  }

  /**
   * True if a key that breaks memcached's rules must be refused with {@link
   * io.larder.InvalidCacheKeyException} (a text protocol); false to log Django's warning and go on.
   *
   * @return false by default
   */
  default boolean rejectsInvalidKeys() {
    return false;
  }

  /**
   * True if the store's calls block on I/O, so that {@code async()} runs them on Larder's bounded
   * pool; an in-memory store answers false and its futures complete before they are returned.
   *
   * @return true by default
   */
  default boolean blocksOnIo() {
    return true;
  }

  /**
   * True if the engine should hold calls back after a failure when the cache fails open (its
   * circuit breaker). A store that tracks each server's health itself answers false: a memcached
   * pool rests a dead server and keeps serving from the others, which one breaker for the whole
   * cache would stop. Follows {@link #blocksOnIo()} by default.
   *
   * @return {@link #blocksOnIo()} by default
   */
  default boolean usesCircuitBreaker() {
    return blocksOnIo();
  }

  /**
   * The backend's own operations beyond Django's API as {@code type} (e.g. the Redis backend's
   * {@code RedisExtension}), bound to {@code keys}, the key maker of the handle that asked, so that
   * they use its version; null if this store offers no {@code type}. {@code this} when it is one.
   *
   * @param <T> the extension's type
   * @param type the extension interface asked for; not null
   * @param keys makes the keys of the handle that asked, at its version; not null
   * @return the extension, or null if this store offers none of {@code type}
   */
  default <T> T extension(Class<T> type, Keys keys) {
    return type.isInstance(this) ? type.cast(this) : null;
  }

  /** Releases the store's resources; called once, by {@code Caches.close()}. Nothing by default. */
  @Override
  default void close() {}
}
