package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.BackendRefusedException;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.Channels;
import io.larder.spi.Increments;
import io.larder.spi.Keys;
import io.larder.spi.StoreContext;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The Redis cache, storing exactly what django-redis stores: integers as decimal, everything else
 * serialized (and compressed by django-redis's rules), expiry as {@code PX} milliseconds.
 */
final class LettuceCache implements AsyncCacheStore {
  /**
   * django-redis's incr: only an existing key, so the key keeps its TTL and is never created. The
   * new value is answered as the stored text, since Lua's numbers (doubles) are not exact beyond
   * 2^53.
   */
  private static final String INCR =
      "if redis.call('EXISTS', KEYS[1]) == 1 then\n"
          + "  redis.call('INCRBY', KEYS[1], ARGV[1])\n"
          + "  return redis.call('GET', KEYS[1])\n"
          + "else return false end";

  private final StoreContext context;
  private final RedisOptions options;
  private final GuardedConnection redis;
  private final KeyPatterns patterns;
  private final StampedeLock stampedeLock;
  private final RedisChannels channels;

  LettuceCache(StoreContext context, RedisOptions options) {
    CacheSettings settings = context.settings();
    this.context = context;
    this.options = options;
    RedisConnection connection = new RedisConnection(settings, options);
    this.redis = new GuardedConnection(settings, options, connection);
    this.patterns = new KeyPatterns(settings);
    this.stampedeLock = new StampedeLock(redis, options, settings.alias());
    this.channels = new RedisChannels(settings.alias(), redis, connection);
  }

  // ---------------------------------------------------------------- values

  private byte[] encode(Object value) {
    if (PythonInt.isInteger(value)) {
      return PythonInt.encode(value);
    }
    byte[] bytes = context.serialize(value);
    if (bytes.length > options.maxValueSize()) {
      // Refused here: Redis would answer a protocol error and drop the connection.
      throw new SerializationException(
          "Cache '"
              + context.alias()
              + "': a value of "
              + bytes.length
              + " bytes is over options.max_value_size ("
              + options.maxValueSize()
              + " bytes; Redis itself takes at most 512 MiB)");
    }
    return bytes;
  }

  private Object decode(byte[] stored) {
    Number integer = PythonInt.decode(stored);
    return integer != null ? integer : context.deserialize(stored);
  }

  /** The value read under {@code key}; bytes that cannot be read are a miss (a corrupt read). */
  private Object decode(String key, byte[] stored) {
    Number integer = PythonInt.decode(stored);
    return integer != null ? integer : context.deserialize(key, stored);
  }

  static byte[] raw(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[][] raw(List<String> keys) {
    byte[][] raw = new byte[keys.size()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw(keys.get(i));
    }
    return raw;
  }

  /** The expiry in the configured backend's format ({@link RedisFormat}); null for never. */
  private Long millis(Timeout timeout) {
    return options.format().expiryMillis(timeout);
  }

  // ---------------------------------------------------------------- primitives

  // Each primitive is written once, on Lettuce's asynchronous commands; the synchronous form waits
  // for it, as Lettuce's own sync API does.

  @Override
  public Object load(String key) {
    return redis.await("get", loadAsync(key));
  }

  @Override
  public CompletionStage<Object> loadAsync(String key) {
    return redis
        .callAsync("get", c -> c.get(raw(key)))
        .thenApply(stored -> stored == null ? MISSING : decode(key, stored));
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    redis.await("set", storeAsync(key, value, timeout));
  }

  @Override
  public CompletionStage<Void> storeAsync(String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
    Long ms = millis(timeout);
    if (ms == null) {
      return redis.callAsync("set", c -> c.set(raw(key), bytes)).thenAccept(ok -> {});
    }
    if (ms <= 0) {
      // Redis refuses PX 0: a value that is already expired is a delete, as in django-redis.
      return redis.callAsync("set", c -> c.del(raw(key))).thenAccept(deleted -> {});
    }
    return redis
        .callAsync("set", c -> c.set(raw(key), bytes, SetArgs.Builder.px(ms)))
        .thenAccept(ok -> {});
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return redis.await("add", storeIfAbsentAsync(key, value, timeout));
  }

  @Override
  public CompletionStage<Boolean> storeIfAbsentAsync(String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
    Long ms = millis(timeout);
    if (ms != null && ms <= 0) {
      // Nothing readable is stored; it would have been added if nothing was there.
      return redis.callAsync("add", c -> c.exists(raw(key))).thenApply(n -> n == 0);
    }
    SetArgs args = ms == null ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(ms);
    return redis.callAsync("add", c -> c.set(raw(key), bytes, args)).thenApply("OK"::equals);
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return redis.await("touch", expireAsync(key, timeout));
  }

  @Override
  public CompletionStage<Boolean> expireAsync(String key, Timeout timeout) {
    Long ms = millis(timeout);
    if (ms == null) {
      // PERSIST answers 0 for a key without expiry too; touch reports whether the key exists.
      return redis
          .callAsync("touch", c -> c.persist(raw(key)))
          .thenCompose(
              persisted ->
                  persisted
                      ? CompletableFuture.completedFuture(true)
                      : redis.callAsync("touch", c -> c.exists(raw(key))).thenApply(n -> n == 1));
    }
    return redis.callAsync("touch", c -> c.pexpire(raw(key), ms));
  }

  @Override
  public boolean remove(String key) {
    return redis.await("delete", removeAsync(key));
  }

  @Override
  public CompletionStage<Boolean> removeAsync(String key) {
    return redis.callAsync("delete", c -> c.del(raw(key))).thenApply(n -> n == 1);
  }

  @Override
  public void removeAll() {
    String pattern = patterns.clearPattern();
    if (pattern == null) {
      redis.call("clear", RedisClusterCommands::flushdb);
    } else {
      deleteMatching("clear", pattern);
    }
  }

  /** {@code PTTL}: -2 for an absent key, -1 for one without expiry. */
  @Override
  public Timeout timeToLive(String key) {
    long millis = redis.call("ttl", c -> c.pttl(raw(key)));
    if (millis == -1) {
      return Timeout.NEVER;
    }
    return millis > 0 ? Timeout.millis(millis) : null;
  }

  @Override
  public boolean contains(String key) {
    return redis.await("has_key", containsAsync(key));
  }

  @Override
  public CompletionStage<Boolean> containsAsync(String key) {
    return redis.callAsync("has_key", c -> c.exists(raw(key))).thenApply(n -> n == 1);
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    return redis.await("get_many", loadManyAsync(keys));
  }

  @Override
  public CompletionStage<Map<String, Object>> loadManyAsync(List<String> keys) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return redis
        .callAsync("get_many", c -> c.mget(raw(keys)))
        .thenApply(
            values -> {
              Map<String, Object> found = new LinkedHashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                KeyValue<byte[], byte[]> value = values.get(i);
                if (value.hasValue()) {
                  found.put(keys.get(i), decode(keys.get(i), value.getValue()));
                }
              }
              return found;
            });
  }

  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    Map<byte[], byte[]> encoded = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          try {
            encoded.put(raw(key), encode(value));
          } catch (SerializationException e) {
            failed.add(key);
          }
        });
    if (encoded.isEmpty()) {
      return failed;
    }
    Long ms = millis(timeout);
    if (ms != null && ms <= 0) {
      redis.call("set_many", c -> c.del(encoded.keySet().toArray(byte[][]::new)));
      return failed;
    }
    SetArgs args = ms == null ? new SetArgs() : SetArgs.Builder.px(ms);
    redis.pipeline(
        "set_many",
        c -> {
          List<RedisFuture<String>> replies = new ArrayList<>(encoded.size());
          encoded.forEach((key, value) -> replies.add(c.set(key, value, args)));
          return replies;
        });
    return failed;
  }

  @Override
  public int removeMany(List<String> keys) {
    return redis.call("delete_many", c -> c.del(raw(keys))).intValue();
  }

  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return redis.await("incr", incrementAsync(key, delta, defaultTimeout));
  }

  @Override
  public CompletionStage<Object> incrementAsync(String key, long delta, Timeout defaultTimeout) {
    byte[] raw = raw(key);
    byte[] by = PythonInt.encode(delta);
    return redis
        .<byte[]>callAsync("incr", c -> c.eval(INCR, ScriptOutputType.VALUE, new byte[][] {raw}, by))
        .<Object>thenApply(next -> next == null ? MISSING : PythonInt.decode(next))
        .exceptionallyCompose(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof BackendRefusedException refused
                  && (refused.getMessage().contains("not an integer or out of range")
                      || refused.getMessage().contains("would overflow"))) {
                return incrementStored(raw, key, delta);
              }
              return CompletableFuture.failedFuture(cause);
            });
  }

  /**
   * django-redis's fallback when {@code INCRBY} refuses the value (not decimal, or beyond 64 bits):
   * read, add, write back keeping the TTL. A value that is no integer is left as it is, and so is
   * one whose sum would leave the signed 64-bit range ({@code CounterOverflowException}).
   */
  private CompletionStage<Object> incrementStored(byte[] raw, String key, long delta) {
    return redis
        .callAsync("incr", c -> c.get(raw))
        .thenCompose(
            stored -> {
              if (stored == null) {
                return CompletableFuture.completedFuture(MISSING);
              }
              Object next = Increments.add(key, decode(stored), delta);
              byte[] bytes = encode(next);
              return redis
                  .callAsync("incr", c -> c.set(raw, bytes, new SetArgs().keepttl()))
                  .thenApply(ok -> next);
            });
  }

  @Override
  public Object computeOnMiss(String key, Supplier<Object> compute) {
    return options.stampedeLock()
        ? stampedeLock.compute(key, () -> load(key), MISSING, compute)
        : compute.get();
  }

  @Override
  public void close() {
    channels.close();
    redis.close();
  }

  Iterator<byte[]> scan(String operation, String storedPattern) {
    ScanArgs args = ScanArgs.Builder.matches(raw(storedPattern)).limit(options.scanCount());
    return redis.call(operation, c -> ScanIterator.scan(c, args));
  }

  /** Deletes the stored keys matching {@code storedPattern}, one {@code DEL} per SCAN batch. */
  long deleteMatching(String operation, String storedPattern) {
    Iterator<byte[]> scan = scan(operation, storedPattern);
    long deleted = 0;
    List<byte[]> batch = new ArrayList<>(options.scanCount());
    while (redis.call(operation, c -> scan.hasNext())) {
      batch.add(scan.next());
      if (batch.size() == options.scanCount() || !redis.call(operation, c -> scan.hasNext())) {
        byte[][] keys = batch.toArray(byte[][]::new);
        deleted += redis.call(operation, c -> c.del(keys));
        batch.clear();
      }
    }
    return deleted;
  }

  @Override
  public <T> T extension(Class<T> type, Keys keys) {
    if (type == Channels.class) {
      return type.cast(channels);
    }
    return type == RedisCache.class
        ? type.cast(new RedisExtras(context, options, redis, patterns, this, keys))
        : null;
  }
}
