package io.larder;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every backend: Django's {@code BaseCache}. It holds every rule that is the same for
 * all stores — key making and validation, timeouts, statistics, failing open, and the operations
 * Django defines in terms of smaller ones ({@code getMany}, {@code getOrSet}, {@code incrVersion})
 * — so a backend implements only the primitives its store provides, on made keys:
 *
 * <pre>{@code
 * final class MapCache extends BaseCache {
 *   private final Map<String, Object> map = new ConcurrentHashMap<>();
 *   MapCache(CacheSettings settings) { super(settings); }
 *   protected Object load(String key) { return map.getOrDefault(key, MISSING); }
 *   protected void store(String key, Object value, Timeout timeout) { map.put(key, value); }
 *   ... // storeIfAbsent, expire, remove, removeAll
 * }
 * }</pre>
 *
 * <p>A backend overrides a composite primitive ({@link #loadMany}, {@link #increment}, …) only where
 * its store does it better or atomically. Timeouts reaching the primitives are resolved: never
 * {@link Timeout#DEFAULT}. Primitives report a store that cannot be reached by throwing {@link
 * BackendUnavailableException}, which {@code options.ignore_exceptions} turns into a miss or a
 * dropped write.
 *
 * <p>The public methods take Django's {@code version} argument explicitly; applications use them
 * through {@link Cache}, whose views supply the version.
 */
public abstract class BaseCache {
  /** What {@link #load} returns for an absent or expired key. */
  protected static final Object MISSING = new Object();

  private static final Logger log = LoggerFactory.getLogger(BaseCache.class);
  private static final Executor IO_EXECUTOR = AsyncExecutor.shared();

  private final CacheSettings settings;
  private final KeyFunction keyFunction;
  private final String keyPrefix;
  private final int defaultVersion;
  /**
   * {@code "prefix:version:"} at the default version when the key function is Django's and the
   * head breaks no key rule, so that reads can hand the store the head and the caller's key
   * unjoined; null otherwise.
   */
  private final String defaultKeyHead;
  private final InstantSource clock;
  private final boolean ignoreExceptions;
  private final Serializer serializer;
  private final Compressor compressor;
  private final int maxValueSize;
  private final StatsCounter stats = new StatsCounter();
  private final CorruptReads corruptReads;
  private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

  private record Flight(CompletableFuture<Object> result, Thread owner) {}

  /**
   * Reads the settings every backend shares.
   *
   * @throws InvalidConfigurationException if the serializer or compressor settings are wrong
   */
  protected BaseCache(CacheSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keyFunction = settings.keyFunction();
    this.keyPrefix = settings.keyPrefix();
    this.defaultVersion = settings.version();
    String head = DjangoKeyFunction.INSTANCE.makeKey("", keyPrefix, defaultVersion);
    this.defaultKeyHead =
        keyFunction == DjangoKeyFunction.INSTANCE && KeyRules.isValid(head) ? head : null;
    this.clock = settings.clock();
    this.ignoreExceptions = settings.booleanOption("ignore_exceptions", false);
    this.serializer = Serializers.create(settings);
    this.compressor = Compressors.create(settings);
    this.maxValueSize = settings.maxValueSize();
    this.corruptReads = new CorruptReads(settings.alias(), clock);
  }

  // ---------------------------------------------------------------- primitives, on made keys

  /** The value stored under {@code key}, or {@link #MISSING} when absent or expired. */
  protected abstract Object load(String key);

  /**
   * {@link #load load(head + key)}: a read at the default version, given as the made key's {@code
   * "prefix:version:"} head and the caller's key, <em>not yet checked</em> against the key rules.
   * A store that can look up without joining them (local memory, where joining and checking would
   * cost more than the lookup) overrides this, and calls {@link #checkKey} for every key it has not
   * seen valid, so that an invalid key is reported on every use as Django reports it.
   */
  protected Object load(String head, String key) {
    return load(validated(head.concat(key)));
  }

  /** Stores {@code value}; a timeout that {@link Timeout#isExpired() is expired} stores nothing. */
  protected abstract void store(String key, Object value, Timeout timeout);

  /**
   * {@link #store store(head + key, ...)} for a valid made key at the default version, given as
   * its head and the caller's key, for the stores that override {@link #load(String, String)}.
   */
  protected void store(String head, String key, Object value, Timeout timeout) {
    store(head.concat(key), value, timeout);
  }

  /** Stores {@code value} if {@code key} is absent or expired; true if it did. */
  protected abstract boolean storeIfAbsent(String key, Object value, Timeout timeout);

  /** Gives an existing, unexpired key a new expiry; true if the key existed. */
  protected abstract boolean expire(String key, Timeout timeout);

  /** Removes {@code key}; true if something was removed. */
  protected abstract boolean remove(String key);

  /** Removes every entry of the store. */
  protected abstract void removeAll();

  /** True if {@code key} holds an unexpired value. */
  protected boolean contains(String key) {
    return load(key) != MISSING;
  }

  /** The values of the keys present, keyed by made key. One {@link #load} per key by default. */
  protected Map<String, Object> loadMany(List<String> keys) {
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
   * Stores every entry and returns the made keys that could not be stored. One {@link #store} per
   * entry by default; a value that cannot be serialized fails only its own key.
   */
  protected List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    entries.forEach(
        (key, value) -> {
          try {
            store(key, value, timeout);
          } catch (SerializationException e) {
            log.warn("Cache '{}': not storing {}: {}", alias(), KeyRules.quote(key), e.getMessage());
            failed.add(key);
          }
        });
    return failed;
  }

  /** Removes every key and returns how many were removed. One {@link #remove} per key by default. */
  protected int removeMany(List<String> keys) {
    int removed = 0;
    for (String key : keys) {
      if (remove(key)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Adds {@code delta} to the integer under {@code key} and returns the new value. Django's base
   * algorithm by default: a read, then a write with the default timeout (neither atomic nor
   * keeping the TTL); backends whose store can do better override it.
   *
   * @param callerKey the caller's key, for the error message
   * @throws MissingKeyException if the key is absent
   */
  protected long increment(String key, long delta, String callerKey) {
    Object value = load(key);
    if (value == MISSING) {
      throw new MissingKeyException(callerKey);
    }
    Object next = addDelta(callerKey, value, delta);
    store(key, next, settings.timeout());
    return ((Number) next).longValue();
  }

  /**
   * Runs {@code compute} (the supplier, then the add, then a fresh read) for a {@code getOrSet}
   * that missed {@code key}, a made key. Within a process only one caller per key gets here; a
   * store shared by several processes may override this to let one process compute while the
   * others wait for its value. Runs {@code compute} by default.
   */
  protected Object computeOnMiss(String key, Supplier<Object> compute) {
    return compute.get();
  }

  /**
   * For a store spread over several servers: one server's part of a multi-key operation failed
   * while the others' went through. When the cache fails open ({@code ignore_exceptions}) the
   * failure is counted and logged and the operation goes on with the other servers' answers;
   * otherwise {@code e} is rethrown, and counted once where the operation fails.
   *
   * @throws BackendUnavailableException {@code e}, unless the cache fails open
   */
  protected final void reportPartialFailure(
      BackendUnavailableException e, String operation, String keys) {
    if (!ignoreExceptions) {
      throw e;
    }
    failOpen(e, operation, keys);
  }

  /** Releases the store's resources. Nothing by default. */
  protected void closeStore() {}

  /**
   * Where {@link AsyncCache} calls run: a shared pool of daemon threads by default, for stores that
   * block on I/O. In-memory stores return a direct executor so futures complete at once.
   */
  protected Executor asyncExecutor() {
    return IO_EXECUTOR;
  }

  // ---------------------------------------------------------------- helpers for backends

  /** The settings this cache was built from. */
  public final CacheSettings settings() {
    return settings;
  }

  /**
   * The {@code "prefix:version:"} head that {@link #load(String, String)} receives, or null when
   * the key function is not Django's (or the head breaks a key rule), and reads use made keys.
   */
  protected final String defaultKeyHead() {
    return defaultKeyHead;
  }

  /** The alias, for messages. */
  protected final String alias() {
    return settings.alias();
  }

  /** The current time in epoch milliseconds, from the injectable clock. */
  protected final long nowMillis() {
    return clock.millis();
  }

  /**
   * The epoch millisecond at which an entry written now with {@code timeout} expires, by Django's
   * rule: {@link Long#MAX_VALUE} for never, and a second ago for a zero timeout (Django's ticket
   * #21147), so that the entry is expired at once.
   */
  protected final long expiresAtMillis(Timeout timeout) {
    if (timeout.isNever()) {
      return Long.MAX_VALUE;
    }
    long now = nowMillis();
    long millis = timeout.toNanos() == 0 ? -1000 : timeout.toMillis();
    return now + millis;
  }

  /**
   * The value's bytes, by the configured serializer and then compressor.
   *
   * @throws SerializationException if the value cannot be serialized, or its serialized form is
   *     over {@code options.max_value_size} (which readers would refuse)
   */
  protected final byte[] serialize(Object value) {
    byte[] serialized = serializer.serialize(value);
    if (serialized.length > maxValueSize) {
      throw new SerializationException(
          "Cache '"
              + alias()
              + "': a value of "
              + serialized.length
              + " bytes is over options.max_value_size ("
              + maxValueSize
              + " bytes)");
    }
    return compressor.compress(serialized);
  }

  /**
   * The value from bytes written by {@link #serialize}.
   *
   * @throws SerializationException if they cannot be read (see {@link #deserialize(String,
   *     byte[])} for the form that turns that into a miss)
   */
  protected final Object deserialize(byte[] bytes) {
    if (bytes.length > maxValueSize) {
      throw new SerializationException(
          bytes.length + " stored bytes are over options.max_value_size (" + maxValueSize + ")");
    }
    try {
      return serializer.deserialize(compressor.decompress(bytes));
    } catch (StackOverflowError e) {
      throw new SerializationException("the stored value nests too deeply to be read", e);
    }
  }

  /**
   * The value under the made {@code key} from bytes written by {@link #serialize}, or {@link
   * #MISSING} when they cannot be read: corrupt, hostile, or over a reader's limit (see {@link
   * #corruptRead}). A class outside the serializer's allow-list is still an error: it is a setting
   * to fix, not data to skip.
   *
   * @throws DisallowedClassException if the value names a class outside the allow-list
   */
  protected final Object deserialize(String key, byte[] bytes) {
    try {
      return deserialize(bytes);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (SerializationException e) {
      return corruptRead(key, e);
    }
  }

  /**
   * Reports that the value under the made {@code key} cannot be read: counted in {@link
   * CacheStats#corruptReads()}, logged once per key per minute. Returns {@link #MISSING}, for the
   * read to go on as a miss.
   */
  protected final Object corruptRead(String key, Throwable cause) {
    stats.corruptRead();
    corruptReads.report(key, cause);
    return MISSING;
  }

  /** {@code options.max_value_size}: the most bytes a reader takes for one value. */
  protected final int maxValueSize() {
    return maxValueSize;
  }

  /** The configured serializer, for backends with their own framing (the file format). */
  protected final Serializer serializer() {
    return serializer;
  }

  /**
   * {@code value + delta}, exact: keeping the value's integer type where the result fits, never
   * wrapping.
   *
   * @throws NotAnIntegerException if the value is not an integer
   * @throws CounterOverflowException if the sum is beyond a signed 64-bit integer; store nothing
   */
  protected static Object addDelta(String callerKey, Object value, long delta) {
    return ExactSum.of(callerKey, value, delta);
  }

  // ---------------------------------------------------------------- keys

  /**
   * The key stored for {@code key} at {@code version}, validated: Django's {@code
   * make_and_validate_key}.
   *
   * @throws InvalidCacheKeyException if the key is null, or invalid for a backend that rejects it
   */
  public final String makeKey(String key, int version) {
    if (key == null) {
      throw new InvalidCacheKeyException("Cache key must not be null");
    }
    return validated(keyFunction.makeKey(key, keyPrefix, version));
  }

  /**
   * Checks the made key {@code head + key} against the key rules, as {@link #makeKey} does:
   * {@link #validateKey} reports a key that breaks one.
   *
   * @return true if the key is valid
   * @throws InvalidCacheKeyException if the key is invalid and this backend rejects such keys
   */
  protected final boolean checkKey(String head, String key) {
    if (KeyRules.isValid(head, key)) {
      return true;
    }
    validateKey(head.concat(key));
    return false;
  }

  /** True if {@code madeKey} breaks none of the key rules. */
  protected static boolean isValidKey(String madeKey) {
    return KeyRules.isValid(madeKey);
  }

  private String validated(String made) {
    if (!KeyRules.isValid(made)) {
      validateKey(made);
    }
    return made;
  }

  /**
   * Called with a made key that breaks memcached's rules (longer than 250 characters, or holding a
   * control character, space or DEL): logs Django's warning. Backends that speak a text protocol
   * override it to throw {@link InvalidCacheKeyException}; a backend may also accept every key.
   */
  protected void validateKey(String madeKey) {
    for (String problem : KeyRules.problems(madeKey)) {
      log.warn("Cache '{}': {}", alias(), problem);
    }
  }

  /** Django's warning texts for a made key, for backends that reject invalid keys. */
  protected static List<String> keyProblems(String madeKey) {
    return KeyRules.problems(madeKey);
  }

  // ---------------------------------------------------------------- operations

  /** Django's {@code get(key, default, version)}. */
  public final Object get(String key, Object defaultValue, int version) {
    Object value = read(key, version);
    if (value == MISSING) {
      stats.miss();
      return defaultValue;
    }
    stats.hit();
    return value;
  }

  /** Django's {@code set(key, value, timeout, version)}. */
  public final void set(String key, Object value, Timeout timeout, int version) {
    boolean split = isSplittable(key, version);
    String made = split ? null : makeKey(key, version);
    Timeout resolved = resolve(timeout);
    try {
      if (split) {
        store(defaultKeyHead, key, value, resolved);
      } else {
        store(made, value, resolved);
      }
      stats.set();
    } catch (BackendUnavailableException e) {
      failOpen(e, "set", key);
    }
  }

  /** Django's {@code add(key, value, timeout, version)}. */
  public final boolean add(String key, Object value, Timeout timeout, int version) {
    String made = makeKey(key, version);
    Timeout resolved = resolve(timeout);
    try {
      boolean added = storeIfAbsent(made, value, resolved);
      if (added) {
        stats.set();
      }
      return added;
    } catch (BackendUnavailableException e) {
      failOpen(e, "add", key);
      return false;
    }
  }

  /** Django's {@code get_or_set}, single-flight within the process. */
  public final Object getOrSet(
      String key, Supplier<?> supplier, Timeout timeout, int version) {
    Objects.requireNonNull(supplier, "supplier");
    Object value = read(key, version);
    if (value != MISSING) {
      stats.hit();
      return value;
    }
    stats.miss();
    String made = makeKey(key, version);
    Flight mine = new Flight(new CompletableFuture<>(), Thread.currentThread());
    Flight running = flights.putIfAbsent(made, mine);
    if (running != null) {
      return awaitFlight(running, key);
    }
    try {
      Object result = computeAndAdd(key, made, supplier, timeout, version);
      mine.result().complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.result().completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(made, mine);
    }
  }

  private Object computeAndAdd(
      String key, String made, Supplier<?> supplier, Timeout timeout, int version) {
    // Another flight may have finished between our miss and taking the flight.
    Object value = read(key, version);
    if (value != MISSING) {
      return value;
    }
    return computeOnMiss(
        made,
        () -> {
          Object computed = supplier.get();
          add(key, computed, timeout, version);
          // Fetch again, as Django does: a concurrent writer in another process may have won.
          Object stored = read(key, version);
          return stored == MISSING ? computed : stored;
        });
  }

  private static Object awaitFlight(Flight flight, String key) {
    if (flight.owner() == Thread.currentThread()) {
      throw new IllegalStateException(
          "getOrSet for key '" + key + "' was called again from its own supplier");
    }
    try {
      return flight.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Django's {@code touch(key, timeout, version)}. */
  public final boolean touch(String key, Timeout timeout, int version) {
    String made = makeKey(key, version);
    Timeout resolved = resolve(timeout);
    try {
      return expire(made, resolved);
    } catch (BackendUnavailableException e) {
      failOpen(e, "touch", key);
      return false;
    }
  }

  /** Django's {@code delete(key, version)}. */
  public final boolean delete(String key, int version) {
    String made = makeKey(key, version);
    try {
      boolean removed = remove(made);
      if (removed) {
        stats.deletes(1);
      }
      return removed;
    } catch (BackendUnavailableException e) {
      failOpen(e, "delete", key);
      return false;
    }
  }

  /** Django's {@code has_key(key, version)}. */
  public final boolean hasKey(String key, int version) {
    String made = makeKey(key, version);
    try {
      return contains(made);
    } catch (BackendUnavailableException e) {
      failOpen(e, "has_key", key);
      return false;
    }
  }

  /** Django's {@code get_many(keys, version)}: the keys found, in the order given. */
  public final Map<String, Object> getMany(Collection<String> keys, int version) {
    Map<String, String> callerKeys = madeKeys(keys, version);
    Map<String, Object> found = Map.of();
    try {
      found = loadMany(new ArrayList<>(callerKeys.keySet()));
    } catch (BackendUnavailableException e) {
      failOpen(e, "get_many", callerKeys.values().toString());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> key : callerKeys.entrySet()) {
      Object value = found.getOrDefault(key.getKey(), MISSING);
      if (value != MISSING) {
        result.put(key.getValue(), value);
      }
    }
    stats.hits(result.size());
    stats.misses(callerKeys.size() - result.size());
    return result;
  }

  /** Django's {@code set_many(data, timeout, version)}: returns the keys that failed. */
  public final List<String> setMany(Map<String, ?> values, Timeout timeout, int version) {
    Timeout resolved = resolve(timeout);
    Map<String, String> callerKeys = madeKeys(values.keySet(), version);
    Map<String, Object> entries = new LinkedHashMap<>();
    callerKeys.forEach((made, caller) -> entries.put(made, values.get(caller)));
    List<String> failedMade;
    try {
      failedMade = storeMany(entries, resolved);
    } catch (BackendUnavailableException e) {
      failOpen(e, "set_many", callerKeys.values().toString());
      return new ArrayList<>(callerKeys.values());
    }
    stats.sets(entries.size() - failedMade.size());
    List<String> failed = new ArrayList<>(failedMade.size());
    for (String made : failedMade) {
      failed.add(callerKeys.get(made));
    }
    return failed;
  }

  /** Django's {@code delete_many(keys, version)}. */
  public final void deleteMany(Collection<String> keys, int version) {
    Map<String, String> callerKeys = madeKeys(keys, version);
    if (callerKeys.isEmpty()) {
      return;
    }
    try {
      stats.deletes(removeMany(new ArrayList<>(callerKeys.keySet())));
    } catch (BackendUnavailableException e) {
      failOpen(e, "delete_many", callerKeys.values().toString());
    }
  }

  /** Django's {@code incr(key, delta, version)}; {@code decr} is a negative delta. */
  public final long incr(String key, long delta, int version) {
    String made = makeKey(key, version);
    try {
      long value = increment(made, delta, key);
      stats.set();
      return value;
    } catch (BackendUnavailableException e) {
      stats.error();
      throw e;
    }
  }

  /** Django's {@code clear()}. */
  public final void clear() {
    try {
      removeAll();
    } catch (BackendUnavailableException e) {
      failOpen(e, "clear", "*");
    }
  }

  /**
   * Django's {@code incr_version}: moves the value to {@code version + delta} with the default
   * timeout, deletes the old version, and returns the new version.
   */
  public final int incrVersion(String key, int delta, int version) {
    Object value = get(key, MISSING, version);
    if (value == MISSING) {
      throw new MissingKeyException(key);
    }
    int next = Math.addExact(version, delta);
    set(key, value, Timeout.DEFAULT, next);
    delete(key, version);
    return next;
  }

  /** Django's {@code close()}. */
  public final void close() {
    closeStore();
  }

  /** The counters since this cache was created. */
  public final CacheStats stats() {
    return stats.snapshot();
  }

  /** This cache at its configured version. */
  public final Cache view() {
    return new CacheView(this, settings.version());
  }

  final Executor executor() {
    return asyncExecutor();
  }

  // ---------------------------------------------------------------- internals

  private Timeout resolve(Timeout timeout) {
    Objects.requireNonNull(timeout, "timeout (use Timeout.NEVER for no expiry)");
    return timeout.isDefault() ? settings.timeout() : timeout;
  }

  /**
   * True if the made key of {@code key} at {@code version} is the default head and {@code key},
   * and valid, so that the store can be handed the two unjoined.
   */
  private boolean isSplittable(String key, int version) {
    return version == defaultVersion
        && defaultKeyHead != null
        && key != null
        && KeyRules.isValid(defaultKeyHead, key);
  }

  /** The value of the caller's {@code key} at {@code version}, or MISSING; fails open. */
  private Object read(String key, int version) {
    try {
      // Unchecked: load(head, key) checks the key, or leaves it to the store (see there).
      if (version == defaultVersion && defaultKeyHead != null && key != null) {
        return load(defaultKeyHead, key);
      }
      return load(makeKey(key, version));
    } catch (BackendUnavailableException e) {
      failOpen(e, "get", key);
      return MISSING;
    } catch (DisallowedClassException e) {
      throw e;
    } catch (SerializationException e) {
      // A store that decodes without deserialize(key, bytes): still a miss, never an error.
      return corruptRead(key, e);
    }
  }

  private Map<String, String> madeKeys(Collection<String> keys, int version) {
    Objects.requireNonNull(keys, "keys");
    Map<String, String> made = new LinkedHashMap<>();
    for (String key : keys) {
      made.put(makeKey(key, version), key);
    }
    return made;
  }

  /**
   * Counts the failure; rethrows it unless the cache fails open, when it is logged instead. For
   * backends' own operations beyond Django's API, so they fail open as the others do.
   */
  protected final void failOpen(BackendUnavailableException e, String operation, String key) {
    stats.error();
    if (!ignoreExceptions) {
      throw e;
    }
    log.warn("Cache '{}': {} of {} failed, ignored: {}", alias(), operation, key, e.getMessage());
  }
}
