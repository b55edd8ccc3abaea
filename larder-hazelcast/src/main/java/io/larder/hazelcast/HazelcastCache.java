package io.larder.hazelcast;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@code hazelcast} store: one {@link IMap} of made keys to the configured serializer's bytes,
 * with Hazelcast's per-entry time to live. {@code add} is {@code putIfAbsent} with the TTL, {@code
 * touch} is {@code setTtl}, {@code incr} a compare-and-set by an entry processor that keeps the
 * TTL, and the many-key forms are one {@code getAll} or one pipelined batch of calls. Hazelcast
 * keeps expiry times in whole seconds, so a timeout is rounded up to the next second, as memcached
 * counts them too.
 */
final class HazelcastCache implements CacheStore, HazelcastMap {
  private final StoreContext context;
  private final HazelcastOptions options;
  private final Cluster cluster;
  private final Runnable release;
  private final Failures failures;
  private volatile IMap<String, byte[]> map;

  HazelcastCache(StoreContext context, HazelcastOptions options, Cluster cluster, Runnable release) {
    this.context = context;
    this.options = options;
    this.cluster = cluster;
    this.release = release;
    this.failures = new Failures(context.alias(), options.describeCluster());
  }

  @Override
  public Object load(String key) {
    byte[] bytes = call(() -> map().get(key));
    return bytes == null ? MISSING : context.deserialize(key, bytes);
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
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
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
    return call(
        () ->
            timeout.isExpired()
                // Django's memcached add: an absent key is "added" already expired.
                ? !map().containsKey(key)
                : map().putIfAbsent(key, bytes, ttlSeconds(timeout), SECONDS) == null);
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
  public boolean remove(String key) {
    return call(() -> Boolean.TRUE.equals(join(map().deleteAsync(key))));
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

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, byte[]> found = call(() -> map().getAll(new HashSet<>(keys)));
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
            encoded.put(key, encode(value));
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
   * Atomic, and the key keeps its time to live: reads the value, adds here (the serializer lives in
   * this JVM), and swaps the bytes on the owning member only if nobody changed them meanwhile;
   * otherwise tries again from the value the member reported.
   */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    byte[] current = call(() -> map().get(key));
    while (current != null) {
      Object next = Increments.add(key, context.deserialize(current), delta);
      byte[] expected = current;
      byte[] update = encode(next);
      byte[] found = call(() -> map().executeOnKey(key, new ReplaceKeepingExpiry(expected, update)));
      if (found != null && Arrays.equals(found, expected)) {
        return next;
      }
      current = found;
    }
    return MISSING;
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
    try {
      try {
        return hazelcastCall.get();
      } catch (HazelcastClientOfflineException offline) {
        if (!cluster.awaitFirstConnection(options.connectTimeoutMillis())) {
          throw failures.neverConnected(options.connectTimeoutMillis());
        }
        return hazelcastCall.get();
      }
    } catch (RuntimeException e) {
      throw failures.translate(e);
    }
  }

  /** The value's bytes, refused here when over {@code options.max_value_size}. */
  private byte[] encode(Object value) {
    byte[] bytes = context.serialize(value);
    if (bytes.length > context.maxValueSize()) {
      throw new SerializationException(
          "Cache '"
              + context.alias()
              + "': a value of "
              + bytes.length
              + " bytes is over options.max_value_size ("
              + context.maxValueSize()
              + " bytes)");
    }
    return bytes;
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
