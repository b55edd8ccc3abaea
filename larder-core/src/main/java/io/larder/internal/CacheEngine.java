package io.larder.internal;

import static io.larder.spi.CacheStore.MISSING;

import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.CacheStats;
import io.larder.CounterOverflowException;
import io.larder.MissingKeyException;
import io.larder.OperationTimer;
import io.larder.Timeout;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.Flights;
import io.larder.spi.StoreContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every rule Django's {@code BaseCache} holds, once, over a backend's {@link CacheStore}: key
 * making and validation, timeouts, statistics, single-flight {@code getOrSet}, and the operations
 * Django defines in terms of smaller ones. Every call on the store goes through the cache's {@link
 * FailurePolicy} (failing open, the circuit breaker, timings). Applications reach it through {@link
 * Cache} handles ({@link #handle()}, {@link Cache#withVersion}); {@link io.larder.Caches} owns its
 * lifecycle.
 */
public final class CacheEngine {
  private static final Logger log = LoggerFactory.getLogger(CacheEngine.class);

  private final CacheSettings settings;
  private final CacheStore store;
  private final KeyMaker keys;
  private final StatsCounter stats = new StatsCounter();
  private final Flights<Object> flights = new Flights<>();
  private final EngineContext context;
  /** Each operation's call on the store goes through it. */
  private final FailurePolicy policy;
  private final Executor asyncExecutor;
  private final Cache handle;
  /** The store as a backend built on this cache sees it: see {@link StoreContext#store}. */
  private final GuardedStore guarded;

  private CacheEngine(
      CacheSettings settings,
      CacheBackend backend,
      Executor ioExecutor,
      OperationTimer timer,
      Map<String, CacheEngine> builtOn) {
    this.settings = settings;
    this.context = new EngineContext(settings, ioExecutor, stats, builtOn);
    this.store = backend.create(context);
    this.keys =
        new KeyMaker(
            settings.alias(),
            settings.keyFunction(),
            settings.keyPrefix(),
            settings.version(),
            store.rejectsInvalidKeys(),
            settings.clock());
    this.policy = new FailurePolicy(store, context, stats, timer);
    this.asyncExecutor = store.blocksOnIo() ? ioExecutor : Runnable::run;
    this.handle = new CacheHandle(this, settings.version());
    this.guarded = new GuardedStore(policy, store);
  }

  /**
   * The engine of a cache: makes its store with {@code backend}.
   *
   * @param ioExecutor where {@code async()} calls of a store that blocks on I/O run
   * @param timer told how long each store call took; null to time nothing
   * @param builtOn the engines of the caches {@link CacheBackend#builtOn} named, by alias, already
   *     built
   * @throws io.larder.InvalidConfigurationException if a setting is wrong
   */
  public static CacheEngine start(
      CacheSettings settings,
      CacheBackend backend,
      Executor ioExecutor,
      OperationTimer timer,
      Map<String, CacheEngine> builtOn) {
    return new CacheEngine(settings, backend, ioExecutor, timer, builtOn);
  }

  /** The cache at its configured version. */
  public Cache handle() {
    return handle;
  }

  /** The store through the failure policy, for a backend built on this cache. */
  CacheStore guarded() {
    return guarded;
  }

  /** Releases the store; only {@link io.larder.Caches} calls this. */
  public void close() {
    store.close();
  }

  // ---------------------------------------------------------------- Django's operations

  Object get(String key, Object defaultValue, int version) {
    return counted(policy.load(keys.make(key, version), key), defaultValue);
  }

  void set(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    countedSet(policy.call("set", key, false, GuardedStore.STORE, made, value, resolved));
  }

  boolean add(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return countedSet(
        policy.call("add", key, false, CacheStore::storeIfAbsent, made, value, resolved));
  }

  /** Django's {@code get_or_set}, single-flight within the process. */
  Object getOrSet(String key, Supplier<?> supplier, Timeout timeout, int version) {
    Objects.requireNonNull(supplier, "supplier");
    String made = keys.make(key, version);
    Object value = policy.load(made, key);
    if (value != MISSING) {
      stats.hit();
      return value;
    }
    stats.miss();
    return flights.run(
        made,
        key,
        () -> {
          // Another flight may have finished between our miss and taking the flight.
          Object landed = policy.load(made, key);
          if (landed != MISSING) {
            return landed;
          }
          return store.computeOnMiss(
              made,
              () -> {
                Object computed = supplier.get();
                add(key, computed, timeout, version);
                // Read again, as Django does: a writer in another process may have won.
                Object stored = policy.load(made, key);
                return stored == MISSING ? computed : stored;
              });
        });
  }

  boolean touch(String key, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return policy.call("touch", key, false, (s, k, t, c) -> s.expire(k, t), made, resolved, null);
  }

  boolean delete(String key, int version) {
    String made = keys.make(key, version);
    return countedDelete(
        policy.call("delete", key, false, (s, k, b, c) -> s.remove(k), made, null, null));
  }

  boolean hasKey(String key, int version) {
    String made = keys.make(key, version);
    return policy.call("has_key", key, false, (s, k, b, c) -> s.contains(k), made, null, null);
  }

  /** Django's {@code get_many}: the keys found, in the order given. */
  Map<String, Object> getMany(Collection<String> callerKeys, int version) {
    Map<String, String> made = madeKeys(callerKeys, version);
    Map<String, Object> found =
        policy.call(
            "get_many",
            made.values(),
            Map.of(),
            (s, k, b, c) -> s.loadMany(k),
            new ArrayList<>(made.keySet()),
            null,
            null);
    return byCallerKey(made, found);
  }

  /** The values found, by the caller's keys in the order asked, counted as hits and misses. */
  private Map<String, Object> byCallerKey(Map<String, String> made, Map<String, Object> found) {
    Map<String, Object> result = new LinkedHashMap<>();
    made.forEach(
        (madeKey, callerKey) -> {
          Object value = found.getOrDefault(madeKey, MISSING);
          if (value != MISSING) {
            result.put(callerKey, value);
          }
        });
    stats.hits(result.size());
    stats.misses(made.size() - result.size());
    return result;
  }

  /** Django's {@code set_many}: returns the caller's keys that could not be stored. */
  List<String> setMany(Map<String, ?> values, Timeout timeout, int version) {
    Timeout resolved = resolve(timeout);
    Map<String, String> made = madeKeys(values.keySet(), version);
    Map<String, Object> entries = new LinkedHashMap<>();
    made.forEach((madeKey, callerKey) -> entries.put(madeKey, values.get(callerKey)));
    List<String> failedMade =
        policy.call(
            "set_many",
            made.values(),
            new ArrayList<>(made.keySet()),
            (s, e, t, c) -> s.storeMany(e, t),
            entries,
            resolved,
            null);
    stats.sets(entries.size() - failedMade.size());
    List<String> failed = new ArrayList<>(failedMade.size());
    for (String madeKey : failedMade) {
      log.warn(
          "Cache '{}': not storing {}: its value cannot be serialized, or is over the size limit",
          settings.alias(),
          KeyRules.quote(madeKey));
      failed.add(made.get(madeKey));
    }
    return failed;
  }

  void deleteMany(Collection<String> callerKeys, int version) {
    Map<String, String> made = madeKeys(callerKeys, version);
    if (made.isEmpty()) {
      return;
    }
    stats.deletes(
        policy.call(
            "delete_many",
            made.values(),
            0,
            (s, k, b, c) -> s.removeMany(k),
            new ArrayList<>(made.keySet()),
            null,
            null));
  }

  /** Django's {@code incr}; {@code decr} is a negative delta. Never fails open: it has no answer. */
  long incr(String key, long delta, int version) {
    String made = keys.make(key, version);
    Object next;
    try {
      next = policy.callRaising("incr", CacheStore::increment, made, delta, settings.timeout());
    } catch (CounterOverflowException e) {
      throw e.forKey(key);
    }
    return incremented(key, next);
  }

  void clear() {
    guarded.removeAll();
  }

  /**
   * Django's {@code incr_version}: moves the value to {@code version + delta} with the default
   * timeout, deletes the old version, and returns the new version.
   */
  int incrVersion(String key, int delta, int version) {
    Object value = get(key, MISSING, version);
    if (value == MISSING) {
      throw new MissingKeyException(key);
    }
    int next = Math.addExact(version, delta);
    set(key, value, Timeout.DEFAULT, next);
    delete(key, version);
    return next;
  }

  String makeKey(String key, int version) {
    return keys.make(key, version);
  }

  CacheStats stats() {
    return stats.snapshot(policy.circuitOpen());
  }

  /**
   * {@code value} as read, made a {@code type} by the cache's serializer where its format reads
   * generic values (JSON); as it is when it already is one, or is null.
   */
  Object convert(Object value, Class<?> type) {
    if (value == null || type == null || type.isInstance(value)) {
      return value;
    }
    return context.serializer().convert(value, type);
  }

  CacheSettings settings() {
    return settings;
  }

  Executor asyncExecutor() {
    return asyncExecutor;
  }

  /** The store as {@code type}, or one of its extensions bound to {@code version}; else null. */
  <T> T unwrap(Class<T> type, int version) {
    if (type.isInstance(store) && version == settings.version()) {
      return type.cast(store);
    }
    return store.extension(type, keys.at(version));
  }

  String storeTypeName() {
    return store.getClass().getName();
  }

  // ---------------------------------------------------------------- async, on the store's client

  /** True if the store's own client serves {@code async()}; see {@link AsyncCacheHandle}. */
  boolean hasAsyncStore() {
    return policy.asyncStore() != null;
  }

  CompletableFuture<Object> getAsync(String key, Object defaultValue, int version) {
    String made = keys.make(key, version);
    return policy
        .callAsync("get", key, true, MISSING, (s, k, b, c) -> s.loadAsync(k), made, null, null)
        .thenApply(value -> counted(value, defaultValue));
  }

  CompletableFuture<Void> setAsync(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return policy
        .callAsync(
            "set",
            key,
            true,
            false,
            (s, k, v, t) -> s.storeAsync(k, v, t).thenApply(stored -> true),
            made,
            value,
            resolved)
        .thenAccept(this::countedSet);
  }

  CompletableFuture<Boolean> addAsync(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return policy
        .callAsync(
            "add", key, true, false, AsyncCacheStore::storeIfAbsentAsync, made, value, resolved)
        .thenApply(this::countedSet);
  }

  CompletableFuture<Boolean> touchAsync(String key, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return policy.callAsync(
        "touch", key, true, false, (s, k, t, c) -> s.expireAsync(k, t), made, resolved, null);
  }

  CompletableFuture<Boolean> deleteAsync(String key, int version) {
    String made = keys.make(key, version);
    return policy
        .callAsync("delete", key, true, false, (s, k, b, c) -> s.removeAsync(k), made, null, null)
        .thenApply(this::countedDelete);
  }

  CompletableFuture<Boolean> hasKeyAsync(String key, int version) {
    String made = keys.make(key, version);
    return policy.callAsync(
        "has_key", key, true, false, (s, k, b, c) -> s.containsAsync(k), made, null, null);
  }

  CompletableFuture<Map<String, Object>> getManyAsync(Collection<String> callerKeys, int version) {
    Map<String, String> made = madeKeys(callerKeys, version);
    return policy
        .callAsync(
            "get_many",
            made.values(),
            true,
            Map.<String, Object>of(),
            (s, k, b, c) -> s.loadManyAsync(k),
            new ArrayList<>(made.keySet()),
            null,
            null)
        .thenApply(found -> byCallerKey(made, found));
  }

  CompletableFuture<Long> incrAsync(String key, long delta, int version) {
    String made = keys.make(key, version);
    return policy
        .callAsync(
            "incr",
            key,
            false,
            null,
            AsyncCacheStore::incrementAsync,
            made,
            delta,
            settings.timeout())
        .handle(
            (next, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof CounterOverflowException overflow) {
                  // The store knows only the made key; the caller is told its own, as by incr.
                  throw overflow.forKey(key);
                }
                throw error instanceof CompletionException c ? c : new CompletionException(error);
              }
              return incremented(key, next);
            });
  }

  // ---------------------------------------------------------------- counting

  /** The value read, counted as a hit; {@code defaultValue} for a miss, counted as one. */
  private Object counted(Object value, Object defaultValue) {
    if (value == MISSING) {
      stats.miss();
      return defaultValue;
    }
    stats.hit();
    return value;
  }

  /** {@code stored}, counted as a write when true. */
  private boolean countedSet(boolean stored) {
    if (stored) {
      stats.set();
    }
    return stored;
  }

  /** {@code removed}, counted as a delete when true. */
  private boolean countedDelete(boolean removed) {
    if (removed) {
      stats.deletes(1);
    }
    return removed;
  }

  /** The counter's new value, counted as a write; a missing key is {@code incr}'s error. */
  private long incremented(String key, Object next) {
    if (next == MISSING) {
      throw new MissingKeyException(key);
    }
    stats.set();
    return ((Number) next).longValue();
  }

  // ---------------------------------------------------------------- keys and timeouts

  private Timeout resolve(Timeout timeout) {
    Objects.requireNonNull(timeout, "timeout (use Timeout.NEVER for no expiry)");
    return timeout.isDefault() ? settings.timeout() : timeout;
  }

  private Map<String, String> madeKeys(Collection<String> callerKeys, int version) {
    Objects.requireNonNull(callerKeys, "keys");
    Map<String, String> made = new LinkedHashMap<>();
    for (String key : callerKeys) {
      made.put(keys.make(key, version), key);
    }
    return made;
  }
}
