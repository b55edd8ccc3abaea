package io.larder.hazelcast;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hazelcast} store: one {@link IMap} of made keys to the configured serializer's bytes,
 * with Hazelcast's per-entry time to live. {@code add} is {@code putIfAbsent} with the TTL, {@code
 * touch} is {@code setTtl}, {@code incr} a compare-and-set by an entry processor that keeps the
 * TTL, and the many-key forms are one {@code getAll} or one pipelined batch of calls. Hazelcast
 * keeps expiry times in whole seconds, so a timeout is rounded up to the next second, as memcached
 * counts them too.
 *
 * <p>{@code async()} is served on the client's own {@code CompletionStage} calls ({@code getAsync},
 * {@code setAsync}, {@code deleteAsync}, {@code submitToKey}), so no thread waits for the cluster;
 * what IMap has no asynchronous form of ({@code putIfAbsent} with a TTL, {@code setTtl}) is an
 * entry processor submitted to the key's owner.
 *
 * <p>Members without Larder's classes (a stock cluster) cannot run those entry processors: there
 * {@code incr} is a {@link LockedIncrement}, and the asynchronous {@code add}, {@code touch} and
 * {@code incr} are the synchronous stock calls on Larder's pool ({@code options.entry_processors}).
 */
final class HazelcastStore implements AsyncCacheStore, HazelcastMap {
  private static final Logger log = LoggerFactory.getLogger(HazelcastStore.class);
  private static final CompletionStage<Boolean> YES = CompletableFuture.completedStage(true);
  private static final CompletionStage<Boolean> NO = CompletableFuture.completedStage(false);

  private final StoreContext context;
  private final HazelcastOptions options;
  private final Cluster cluster;
  private final Runnable release;
  private final Failures failures;
  private volatile IMap<String, byte[]> map;
  private volatile LockedIncrement lockedIncrement;

  HazelcastStore(StoreContext context, HazelcastOptions options, Cluster cluster, Runnable release) {
    this.context = context;
    this.options = options;
    this.cluster = cluster;
    this.release = release;
    this.failures = new Failures(context.alias(), options.describeCluster());
  }

  @Override
  public Object load(String key) {
    byte[] bytes = call(IMap::get, key);
    return bytes == null ? MISSING : context.deserialize(key, bytes);
  }

  @Override
  public CompletionStage<Object> loadAsync(String key) {
    return callAsync(() -> map().getAsync(key))
        .thenApply(bytes -> bytes == null ? MISSING : context.deserialize(key, bytes));
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    byte[] bytes = context.serialize(value);
    call(
        () -> {
          if (timeout.isExpired()) {
            map().delete(key);
          } else {
            map().set(key, bytes, ttlSeconds(timeout), SECONDS);
          }
          return null;
        });
  }

  @Override
  public CompletionStage<Void> storeAsync(String key, Object value, Timeout timeout) {
    byte[] bytes = context.serialize(value);
    return timeout.isExpired()
        ? callAsync(() -> map().deleteAsync(key)).thenAccept(deleted -> {})
        : callAsync(() -> map().setAsync(key, bytes, ttlSeconds(timeout), SECONDS));
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    byte[] bytes = context.serialize(value);
    return call(
        () ->
            timeout.isExpired()
                // Django's memcached add: an absent key is "added" already expired.
                ? !map().containsKey(key)
                : putIfAbsent(key, bytes, ttlSeconds(timeout)));
  }

  @Override
  public CompletionStage<Boolean> storeIfAbsentAsync(String key, Object value, Timeout timeout) {
    byte[] bytes = context.serialize(value);
    if (timeout.isExpired()) {
      return containsAsync(key).thenApply(present -> !present);
    }
    long ttl = ttlSeconds(timeout);
    return onMembers(
        () -> map().submitToKey(key, new PutIfAbsentWithExpiry(bytes, ttl)),
        () -> putIfAbsent(key, bytes, ttl));
  }

  private boolean putIfAbsent(String key, byte[] bytes, long ttlSeconds) {
    return map().putIfAbsent(key, bytes, ttlSeconds, SECONDS) == null;
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return call(
        () ->
            timeout.isExpired()
                ? Boolean.TRUE.equals(join(map().deleteAsync(key)))
                : map().setTtl(key, ttlSeconds(timeout), SECONDS));
  }

  @Override
  public CompletionStage<Boolean> expireAsync(String key, Timeout timeout) {
    if (timeout.isExpired()) {
      return removeAsync(key);
    }
    long ttl = ttlSeconds(timeout);
    return onMembers(
        () -> map().submitToKey(key, new ResetExpiry(ttl)), () -> map().setTtl(key, ttl, SECONDS));
  }

  @Override
  public boolean remove(String key) {
    return call(() -> Boolean.TRUE.equals(join(map().deleteAsync(key))));
  }

  @Override
  public CompletionStage<Boolean> removeAsync(String key) {
    return callAsync(() -> map().deleteAsync(key)).thenApply(Boolean.TRUE::equals);
  }

  @Override
  public void removeAll() {
    call(
        () -> {
          map().clear();
          return null;
        });
  }

  @Override
  public boolean contains(String key) {
    return call(() -> map().containsKey(key));
  }

  /** A {@code getAsync}: IMap has no asynchronous {@code containsKey}; a near copy answers it. */
  @Override
  public CompletionStage<Boolean> containsAsync(String key) {
    return callAsync(() -> map().getAsync(key)).thenApply(bytes -> bytes != null);
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return decodeFound(keys, call(() -> map().getAll(new HashSet<>(keys))));
  }

  /**
   * IMap has no asynchronous {@code getAll}: one {@code getAsync} per key, sent together (each
   * answered by a near copy where there is one) and decoded when the last answer is in.
   */
  @Override
  public CompletionStage<Map<String, Object>> loadManyAsync(List<String> keys) {
    Map<String, CompletableFuture<byte[]>> pending = new LinkedHashMap<>();
    for (String key : keys) {
      pending.computeIfAbsent(key, k -> callAsync(() -> map().getAsync(k)).toCompletableFuture());
    }
    return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new))
        .thenApply(
            all -> {
              Map<String, byte[]> found = new LinkedHashMap<>();
              pending.forEach((key, bytes) -> found.put(key, bytes.join()));
              return decodeFound(keys, found);
            });
  }

  /** The values of {@code keys} in {@code found} that decode, in the order of {@code keys}. */
  private Map<String, Object> decodeFound(List<String> keys, Map<String, byte[]> found) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : keys) {
      byte[] bytes = found.get(key);
      Object value = bytes == null ? MISSING : context.deserialize(key, bytes);
      if (value != MISSING) {
        values.put(key, value);
      }
    }
    return values;
  }

  /** Every entry with its TTL, sent as one pipelined batch and awaited together. */
  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          try {
            encoded.put(key, context.serialize(value));
          } catch (SerializationException e) {
            failed.add(key);
          }
        });
    if (!encoded.isEmpty()) {
      call(
          () -> {
            List<CompletableFuture<?>> pending = new ArrayList<>(encoded.size());
            encoded.forEach(
                (key, bytes) ->
                    pending.add(
                        (timeout.isExpired()
                                ? map().deleteAsync(key)
                                : map().setAsync(key, bytes, ttlSeconds(timeout), SECONDS))
                            .toCompletableFuture()));
            return join(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)));
          });
    }
    return failed;
  }

  @Override
  public int removeMany(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    return call(
        () -> {
          List<CompletableFuture<Boolean>> pending = new ArrayList<>(keys.size());
          for (String key : keys) {
            pending.add(map().deleteAsync(key).toCompletableFuture());
          }
          join(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)));
          return (int) pending.stream().filter(f -> Boolean.TRUE.equals(f.join())).count();
        });
  }

  /**
   * Atomic, and the key keeps its time to live: by entry processor where the members run them (see
   * {@link #swapIncrement}), else a {@link LockedIncrement}.
   */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    try {
      if (join(entryProcessorsUsable())) {
        return join(onOwner(() -> swapIncrement(key, delta)));
      }
    } catch (CompletionException e) {
      throw failures.translate(e);
    }
    return call(() -> lockedIncrement().add(key, delta));
  }

  @Override
  public CompletionStage<Object> incrementAsync(String key, long delta, Timeout defaultTimeout) {
    return onMembers(() -> swapIncrement(key, delta), () -> lockedIncrement().add(key, delta));
  }

  /**
   * Reads the value, adds here (the serializer lives in this JVM), and swaps the bytes on the
   * owning member only if nobody changed them meanwhile; otherwise tries again from the value the
   * member reported. One round trip to the owner per try, keeping the entry's expiry time exactly.
   */
  private CompletionStage<Object> swapIncrement(String key, long delta) {
    return callAsync(() -> map().getAsync(key)).thenCompose(current -> addFrom(key, current, delta));
  }

  private CompletionStage<Object> addFrom(String key, byte[] current, long delta) {
    if (current == null) {
      return CompletableFuture.completedFuture(MISSING);
    }
    Object next = Increments.add(key, context.deserialize(current), delta);
    byte[] update = context.serialize(next);
    return callAsync(() -> map().submitToKey(key, new ReplaceKeepingExpiry(current, update)))
        .thenCompose(
            found ->
                found != null && Arrays.equals(found, current)
                    ? CompletableFuture.completedFuture(next)
                    : addFrom(key, found, delta));
  }

  /**
   * Whether the calls that have an entry processor use it: by {@code options.entry_processors},
   * and in {@code auto} by whether every member has Larder's classes ({@link LarderClasses}).
   */
  private CompletionStage<Boolean> entryProcessorsUsable() {
    return switch (options.entryProcessors()) {
      case ALWAYS -> YES;
      case NEVER -> NO;
      case AUTO -> {
        Boolean known = cluster.larderClasses().known();
        yield known == null
            ? callAsync(() -> cluster.larderClasses().present(map()))
            : known ? YES : NO;
      }
    };
  }

  /**
   * {@code processor}, a call that runs one of Larder's entry processors, where the members run
   * them; else {@code stock}, the same operation by stock calls, on Larder's pool (IMap has no
   * asynchronous form of them).
   */
  private <T> CompletionStage<T> onMembers(
      Supplier<CompletionStage<T>> processor, Supplier<T> stock) {
    return entryProcessorsUsable()
        .thenCompose(usable -> usable ? onOwner(processor) : onPool(stock));
  }

  private <T> CompletionStage<T> onPool(Supplier<T> stock) {
    return CompletableFuture.supplyAsync(() -> call(stock), context.ioExecutor());
  }

  /**
   * {@code processor} on the key's owner. In {@code auto}, a member that cannot load it joined
   * since the members were asked: the call may have taken effect on an owner with the classes and
   * failed on a backup without them, so it is reported as of unknown outcome, and the cache takes
   * the stock calls until the members change again.
   */
  private <T> CompletionStage<T> onOwner(Supplier<CompletionStage<T>> processor) {
    CompletionStage<T> sent = callAsync(processor);
    if (options.entryProcessors() != EntryProcessors.AUTO) {
      return sent;
    }
    return sent.exceptionallyCompose(
        error -> {
          if (!Failures.lacksLarderClasses(error)) {
            return CompletableFuture.failedStage(error);
          }
          cluster.larderClasses().lacking();
          log.warn(
              "Cache '{}': a member of {} cannot load Larder's entry processors: the cache uses"
                  + " stock calls until the members change (docs/hazelcast.md, \"On a stock"
                  + " cluster\")",
              context.alias(),
              options.describeCluster());
          return CompletableFuture.failedStage(failures.joinedWithoutLarderClasses(error));
        });
  }

  /** What this cache knows of its members' classes, shared with the caches of its instance. */
  LarderClasses larderClasses() {
    return cluster.larderClasses();
  }

  private LockedIncrement lockedIncrement() {
    LockedIncrement current = lockedIncrement;
    if (current == null) {
      int seconds = options.operationTimeoutSeconds();
      current =
          new LockedIncrement(
              map(),
              context,
              () -> instance().getCluster().getClusterTime(),
              seconds,
              3L * seconds);
      lockedIncrement = current;
    }
    return current;
  }

  @Override
  public void close() {
    release.run();
  }

  @Override
  public HazelcastInstance instance() {
    return cluster.instance();
  }

  /** The map, looked up on first use: a client may not have reached the cluster at start-up. */
  @Override
  public IMap<String, byte[]> map() {
    IMap<String, byte[]> current = map;
    if (current == null) {
      current = cluster.instance().getMap(options.mapName());
      map = current;
    }
    return current;
  }

  /**
   * Runs one call, translating Hazelcast's failures. A client that has not reached the cluster
   * yet answers "offline" at once; the call then waits, up to {@code connect_timeout}, for that
   * first connection, and is tried once more.
   */
  private <T> T call(Supplier<T> hazelcastCall) {
    return call((map, supplied) -> supplied.get(), hazelcastCall);
  }

  /**
   * {@link #call(Supplier)} for {@code operation(map, argument)}. A get passes {@code IMap::get}
   * and its key, so a near-cache hit allocates no lambda capturing the key (docs/benchmarks.md
   * gives a hit's allocation).
   */
  private <A, T> T call(BiFunction<IMap<String, byte[]>, A, T> operation, A argument) {
    try {
      try {
        return operation.apply(map(), argument);
      } catch (HazelcastClientOfflineException offline) {
        if (!cluster.awaitFirstConnection(options.connectTimeoutMillis())) {
          throw failures.neverConnected(options.connectTimeoutMillis());
        }
        return operation.apply(map(), argument);
      }
    } catch (RuntimeException e) {
      throw failures.translate(e);
    }
  }

  /**
   * {@link #call} for a call that answers a {@code CompletionStage}: the first connection is awaited
   * without a thread, and the failure is translated when the stage completes.
   */
  private <T> CompletionStage<T> callAsync(Supplier<CompletionStage<T>> hazelcastCall) {
    long connectMillis = options.connectTimeoutMillis();
    return attempt(hazelcastCall)
        .exceptionallyCompose(
            error ->
                Failures.unwrap(error) instanceof HazelcastClientOfflineException
                    ? cluster
                        .firstConnectionWithin(connectMillis)
                        .thenCompose(
                            connected -> {
                              if (!connected) {
                                throw failures.neverConnected(connectMillis);
                              }
                              return attempt(hazelcastCall);
                            })
                    : CompletableFuture.failedStage(error))
        .exceptionallyCompose(error -> CompletableFuture.failedStage(failures.translate(error)));
  }

  /** The call's stage; a call that throws instead is a failed stage. */
  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> hazelcastCall) {
    try {
      return hazelcastCall.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedStage(e);
    }
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  /** Whole seconds, rounded up; 0 is Hazelcast's "no expiry". */
  private static long ttlSeconds(Timeout timeout) {
    if (timeout.isNever()) {
      return 0;
    }
    long millis = timeout.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
