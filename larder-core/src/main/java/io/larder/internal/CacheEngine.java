package io.larder.internal;

import static io.larder.spi.CacheStore.MISSING;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.CacheStats;
import io.larder.CounterOverflowException;
import io.larder.DisallowedClassException;
import io.larder.MissingKeyException;
import io.larder.OperationTimer;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.Serializer;
import io.larder.spi.StoreContext;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every rule Django's {@code BaseCache} holds, once, over a backend's {@link CacheStore}: key
 * making and validation, timeouts, statistics, failing open and the circuit breaker, single-flight
 * {@code getOrSet}, and the operations Django defines in terms of smaller ones. Applications reach
 * it through {@link Cache} handles ({@link #handle()}, {@link Cache#withVersion}); {@link
 * io.larder.Caches} owns its lifecycle.
 */
public final class CacheEngine {
  private static final Logger log = LoggerFactory.getLogger(CacheEngine.class);

  private final CacheSettings settings;
  private final CacheStore store;
  private final KeyMaker keys;
  private final StatsCounter stats = new StatsCounter();
  private final Flights<Object> flights = new Flights<>();
  private final boolean failsOpen;
  /** Null when calls are never held back: the cache does not fail open, or its store is local. */
  private final CircuitBreaker breaker;
  /** Calls skipped while the breaker is open are logged once a minute per operation. */
  private final OncePerKey skippedCallsWarned;
  private final Executor asyncExecutor;
  /** Where the store's blocking calls for {@code async()} run: {@link StoreContext#ioExecutor}. */
  private final Executor ioExecutor;
  /** The store, when its client is asynchronous; null when async() runs on the pool. */
  private final AsyncCacheStore asyncStore;
  private final Cache handle;
  /** The store as a backend built on this cache sees it: see {@link StoreContext#store}. */
  private final GuardedStore guarded;
  private final Context context;
  /** Null when nothing is timed (the default): the store calls then read no clock. */
  private final OperationTimer timer;

  private CacheEngine(
      CacheSettings settings,
      CacheBackend backend,
      Executor ioExecutor,
      OperationTimer timer,
      Map<String, CacheEngine> builtOn) {
    this.settings = settings;
    this.timer = timer;
    this.failsOpen = CommonOptions.IGNORE_EXCEPTIONS.from(settings);
    this.ioExecutor = ioExecutor;
    this.context = new Context(builtOn);
    this.store = backend.create(context);
    this.keys =
        new KeyMaker(
            settings.alias(),
            settings.keyFunction(),
            settings.keyPrefix(),
            settings.version(),
            store.rejectsInvalidKeys(),
            settings.clock());
    long breakerMillis = CommonOptions.CIRCUIT_BREAKER_INTERVAL.from(settings).toMillis();
    this.breaker =
        failsOpen && store.usesCircuitBreaker() && breakerMillis > 0
            ? new CircuitBreaker(breakerMillis, settings.clock())
            : null;
    this.skippedCallsWarned = new OncePerKey(settings.clock());
    this.asyncExecutor = store.blocksOnIo() ? ioExecutor : Runnable::run;
    this.asyncStore = store instanceof AsyncCacheStore client ? client : null;
    this.handle = new CacheHandle(this, settings.version());
    this.guarded = new GuardedStore(this, store);
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

  /** Releases the store; only {@link io.larder.Caches} calls this. */
  public void close() {
    store.close();
  }

  // ---------------------------------------------------------------- Django's operations

  Object get(String key, Object defaultValue, int version) {
    Object value = read(keys.make(key, version), "get", key);
    if (value == MISSING) {
      stats.miss();
      return defaultValue;
    }
    stats.hit();
    return value;
  }

  void set(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    boolean stored =
        call(
            "set",
            key,
            false,
            () -> {
              store.store(made, value, resolved);
              return true;
            });
    if (stored) {
      stats.set();
    }
  }

  boolean add(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    boolean added = call("add", key, false, () -> store.storeIfAbsent(made, value, resolved));
    if (added) {
      stats.set();
    }
    return added;
  }

  /** Django's {@code get_or_set}, single-flight within the process. */
  Object getOrSet(String key, Supplier<?> supplier, Timeout timeout, int version) {
    Objects.requireNonNull(supplier, "supplier");
    String made = keys.make(key, version);
    Object value = read(made, "get", key);
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
          Object landed = read(made, "get", key);
          if (landed != MISSING) {
            return landed;
          }
          return store.computeOnMiss(
              made,
              () -> {
                Object computed = supplier.get();
                add(key, computed, timeout, version);
                // Read again, as Django does: a writer in another process may have won.
                Object stored = read(made, "get", key);
                return stored == MISSING ? computed : stored;
              });
        });
  }

  boolean touch(String key, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return call("touch", key, false, () -> store.expire(made, resolved));
  }

  boolean delete(String key, int version) {
    String made = keys.make(key, version);
    boolean removed = call("delete", key, false, () -> store.remove(made));
    if (removed) {
      stats.deletes(1);
    }
    return removed;
  }

  boolean hasKey(String key, int version) {
    String made = keys.make(key, version);
    return call("has_key", key, false, () -> store.contains(made));
  }

  /** Django's {@code get_many}: the keys found, in the order given. */
  Map<String, Object> getMany(Collection<String> callerKeys, int version) {
    Map<String, String> made = madeKeys(callerKeys, version);
    Map<String, Object> found =
        call(
            "get_many",
            made.values(),
            Map.of(),
            () -> store.loadMany(new ArrayList<>(made.keySet())));
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
        call(
            "set_many",
            made.values(),
            new ArrayList<>(made.keySet()),
            () -> store.storeMany(entries, resolved));
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
        call(
            "delete_many",
            made.values(),
            0,
            () -> store.removeMany(new ArrayList<>(made.keySet()))));
  }

  /** Django's {@code incr}; {@code decr} is a negative delta. Never fails open: it has no answer. */
  long incr(String key, long delta, int version) {
    String made = keys.make(key, version);
    Object next;
    try {
      next = callRaising("incr", () -> store.increment(made, delta, settings.timeout()));
    } catch (CounterOverflowException e) {
      throw e.forKey(key);
    }
    if (next == MISSING) {
      throw new MissingKeyException(key);
    }
    stats.set();
    return ((Number) next).longValue();
  }

  void clear() {
    call(
        "clear",
        "*",
        null,
        () -> {
          store.removeAll();
          return null;
        });
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
    return stats.snapshot(breaker != null && breaker.isOpen());
  }

  /**
   * {@code value} as read, made a {@code type} by the cache's serializer where its format reads
   * generic values (JSON); as it is when it already is one, or is null.
   */
  Object convert(Object value, Class<?> type) {
    if (value == null || type == null || type.isInstance(value)) {
      return value;
    }
    return context.serializer.convert(value, type);
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
    return asyncStore != null;
  }

  CompletableFuture<Object> getAsync(String key, Object defaultValue, int version) {
    String made = keys.make(key, version);
    return callAsync("get", key, true, MISSING, () -> asyncStore.loadAsync(made))
        .thenApply(
            value -> {
              if (value == MISSING) {
                stats.miss();
                return defaultValue;
              }
              stats.hit();
              return value;
            });
  }

  CompletableFuture<Void> setAsync(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return callAsync(
            "set",
            key,
            true,
            false,
            () -> asyncStore.storeAsync(made, value, resolved).thenApply(stored -> true))
        .thenAccept(
            stored -> {
              if (stored) {
                stats.set();
              }
            });
  }

  CompletableFuture<Boolean> addAsync(String key, Object value, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return callAsync(
            "add", key, true, false, () -> asyncStore.storeIfAbsentAsync(made, value, resolved))
        .thenApply(
            added -> {
              if (added) {
                stats.set();
              }
              return added;
            });
  }

  CompletableFuture<Boolean> touchAsync(String key, Timeout timeout, int version) {
    String made = keys.make(key, version);
    Timeout resolved = resolve(timeout);
    return callAsync("touch", key, true, false, () -> asyncStore.expireAsync(made, resolved));
  }

  CompletableFuture<Boolean> deleteAsync(String key, int version) {
    String made = keys.make(key, version);
    return callAsync("delete", key, true, false, () -> asyncStore.removeAsync(made))
        .thenApply(
            removed -> {
              if (removed) {
                stats.deletes(1);
              }
              return removed;
            });
  }

  CompletableFuture<Boolean> hasKeyAsync(String key, int version) {
    String made = keys.make(key, version);
    return callAsync("has_key", key, true, false, () -> asyncStore.containsAsync(made));
  }

  CompletableFuture<Map<String, Object>> getManyAsync(Collection<String> callerKeys, int version) {
    Map<String, String> made = madeKeys(callerKeys, version);
    return callAsync(
            "get_many",
            made.values(),
            true,
            Map.<String, Object>of(),
            () -> asyncStore.loadManyAsync(new ArrayList<>(made.keySet())))
        .thenApply(found -> byCallerKey(made, found));
  }

  CompletableFuture<Long> incrAsync(String key, long delta, int version) {
    String made = keys.make(key, version);
    return callAsync(
            "incr",
            key,
            false,
            null,
            () -> asyncStore.incrementAsync(made, delta, settings.timeout()))
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
              if (next == MISSING) {
                throw new MissingKeyException(key);
              }
              stats.set();
              return ((Number) next).longValue();
            });
  }

  // ---------------------------------------------------------------- failures

  /** The value of a made key, or MISSING; written out rather than through {@link #call}, being the hot path. */
  Object read(String made, String operation, String key) {
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      Object value = store.load(made);
      succeeded();
      return value;
    } catch (BackendUnavailableException e) {
      failOpen(e, operation, key, true);
      return MISSING;
    } catch (SerializationException e) {
      succeeded();
      if (e instanceof DisallowedClassException) {
        throw e;
      }
      // A store that decodes without context.deserialize(key, bytes): still a miss, not an error.
      return context.corruptRead(made, e);
    } catch (RuntimeException e) {
      succeeded();
      throw e;
    } finally {
      timed(operation, started);
    }
  }

  /**
   * Runs one store call behind the circuit breaker: an unavailable store answers {@code whenDown}
   * when the cache fails open; any other error means the store answered, and is raised. {@code
   * keys} (a key, or the keys of a many-key call) is written out only when a failure is logged.
   */
  <T> T call(String operation, Object keys, T whenDown, Supplier<T> storeCall) {
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      T result = storeCall.get();
      succeeded();
      return result;
    } catch (BackendUnavailableException e) {
      failOpen(e, operation, keys, true);
      return whenDown;
    } catch (RuntimeException e) {
      succeeded();
      throw e;
    } finally {
      timed(operation, started);
    }
  }

  /**
   * {@link #call} on the store's asynchronous client: the same rules, applied when the future
   * completes. {@code mayFailOpen} is false for an operation with no answer to give ({@code incr}).
   */
  private <T> CompletableFuture<T> callAsync(
      String operation,
      Object keys,
      boolean mayFailOpen,
      T whenDown,
      Supplier<CompletionStage<T>> storeCall) {
    CompletionStage<T> stage;
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      stage = storeCall.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    long sent = started;
    return stage
        .toCompletableFuture()
        .whenComplete((result, error) -> timed(operation, sent))
        .handle(
            (result, error) -> {
              if (error == null) {
                succeeded();
                return result;
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof BackendUnavailableException e) {
                if (!mayFailOpen) {
                  stats.error();
                  breakerFailed(e);
                  throw e;
                }
                failOpen(e, operation, keys, true);
                return whenDown;
              }
              succeeded();
              throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            });
  }

  /** {@link #call} for an operation that has no answer to give when the store is down. */
  <T> T callRaising(String operation, Supplier<T> storeCall) {
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      T result = storeCall.get();
      succeeded();
      return result;
    } catch (BackendUnavailableException e) {
      stats.error();
      breakerFailed(e);
      throw e;
    } catch (RuntimeException e) {
      succeeded();
      throw e;
    } finally {
      timed(operation, started);
    }
  }

  /** Now, for a store call about to be timed; 0 when nothing is timed, so the clock is not read. */
  private long startTiming() {
    return timer == null ? 0 : System.nanoTime();
  }

  /**
   * Tells the timer how long the store call begun at {@code started} took; nothing for a call
   * that never reached the store (held back by the circuit breaker) or when nothing is timed.
   */
  private void timed(String operation, long started) {
    if (timer != null && started != 0) {
      timer.record(settings.alias(), operation, System.nanoTime() - started);
    }
  }

  /** Fails at once, without touching the store, while the circuit breaker is open. */
  private void allow(String operation) {
    if (breaker != null && !breaker.allows()) {
      throw new CircuitOpenException(
          "Cache '"
              + settings.alias()
              + "': "
              + operation
              + " not sent: the "
              + settings.backend()
              + " backend at "
              + settings.displayLocation()
              + " failed recently; the next attempt is in "
              + breaker.millisUntilProbe()
              + " ms");
    }
  }

  private void succeeded() {
    if (breaker != null) {
      breaker.succeeded();
    }
  }

  private void breakerFailed(BackendUnavailableException e) {
    if (breaker != null && !(e instanceof CircuitOpenException)) {
      breaker.failed();
    }
  }

  /**
   * Counts the failure and, for a whole-store failure, opens the breaker; rethrows it unless the
   * cache fails open, when it is logged instead.
   */
  private void failOpen(
      BackendUnavailableException e, String operation, Object keys, boolean wholeStore) {
    stats.error();
    if (wholeStore) {
      breakerFailed(e);
    }
    if (!failsOpen) {
      throw e;
    }
    if (e instanceof CircuitOpenException && !skippedCallsWarned.due(operation)) {
      // The failure that opened the breaker was logged; each call skipped since says no more.
      return;
    }
    log.warn(
        "Cache '{}': {} of {} failed, ignored: {}",
        settings.alias(),
        operation,
        keys,
        e.getMessage());
  }

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

  /** Thrown instead of calling a store whose circuit breaker is open. */
  private static final class CircuitOpenException extends BackendUnavailableException {
    CircuitOpenException(String message) {
      super(message);
    }
  }

  /** What the store sees of the engine. */
  private final class Context implements StoreContext {
    private final Serializer serializer = Serializers.create(settings);
    private final Compressor compressor = Compressors.create(settings);
    private final Map<String, CacheEngine> builtOn;

    Context(Map<String, CacheEngine> builtOn) {
      this.builtOn = builtOn;
    }

    @Override
    public Cache cache(String alias) {
      return builtOn(alias).handle;
    }

    @Override
    public CacheStore store(String alias) {
      return builtOn(alias).guarded;
    }

    private CacheEngine builtOn(String alias) {
      CacheEngine engine = builtOn.get(alias);
      if (engine == null) {
        throw new IllegalArgumentException(
            "Cache '"
                + settings.alias()
                + "': its backend did not name '"
                + alias
                + "' among the caches it is built on ("
                + String.join(", ", builtOn.keySet())
                + ")");
      }
      return engine;
    }

    @Override
    public CacheSettings settings() {
      return settings;
    }

    @Override
    public InstantSource clock() {
      return settings.clock();
    }

    @Override
    public Executor ioExecutor() {
      return ioExecutor;
    }

    @Override
    public InstantSource coarseClock() {
      return settings.clock() == InstantSource.system() ? CoarseClock.INSTANCE : settings.clock();
    }

    private final int maxValueSize = settings.maxValueSize();
    private final CorruptReads corruptReads = new CorruptReads(settings.alias(), settings.clock());

    /**
     * Checked twice against {@code max_value_size}: before compression, since a reader inflates no
     * further, and after, since a reader takes no more stored bytes (incompressible data grows a
     * little in zlib's framing).
     */
    @Override
    public byte[] serialize(Object value) {
      byte[] stored = compressor.compress(withinLimit(serializer.serialize(value)));
      return withinLimit(stored);
    }

    private byte[] withinLimit(byte[] bytes) {
      if (bytes.length > maxValueSize) {
        throw new SerializationException(
            "Cache '"
                + settings.alias()
                + "': a value of "
                + bytes.length
                + " bytes is over options.max_value_size ("
                + maxValueSize
                + " bytes)");
      }
      return bytes;
    }

    @Override
    public Object deserialize(byte[] bytes) {
      if (bytes.length > maxValueSize) {
        throw new SerializationException(
            bytes.length + " stored bytes are over options.max_value_size (" + maxValueSize + ")");
      }
      return serializer.deserialize(compressor.decompress(bytes));
    }

    @Override
    public Object corruptRead(String key, Throwable cause) {
      stats.corruptRead();
      corruptReads.report(key, cause);
      return MISSING;
    }

    @Override
    public Serializer serializer() {
      return serializer;
    }

    @Override
    public void failOpen(BackendUnavailableException e, String operation, String key) {
      if (!failsOpen) {
        throw e; // counted where the operation fails
      }
      CacheEngine.this.failOpen(e, operation, key, false);
    }

    @Override
    public boolean failsOpen() {
      return failsOpen;
    }
  }
}
