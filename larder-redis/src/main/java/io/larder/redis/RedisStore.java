package io.larder.redis;

import io.larder.BackendRefusedException;
import io.larder.CacheSettings;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.Channels;
import io.larder.spi.KeyChanges;
import io.larder.spi.Increments;
import io.larder.spi.Keys;
import io.larder.spi.StoreContext;
import io.larder.spi.ValueSizeLimit;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
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
final class RedisStore implements AsyncCacheStore {
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
  private final RedisConnection connection;
  private final GuardedConnection redis;
  private final RedisWire lettuce;
  private volatile RedisWire syncWire;
  private final KeyPatterns patterns;
  private final StampedeLock stampedeLock;
  private final RedisChannels channels;
  private final RedisKeyTracking tracking;
  private final ValueSizeLimit sizeLimit;

  RedisStore(StoreContext context, RedisOptions options) {
    CacheSettings settings = context.settings();
    this.context = context;
    this.options = options;
    this.connection = new RedisConnection(settings, options);
    this.redis = new GuardedConnection(settings, options, connection);
    this.lettuce = new LettuceWire(redis);
    this.patterns = new KeyPatterns(settings);
    this.stampedeLock = new StampedeLock(redis, options, settings.alias());
    this.channels = new RedisChannels(settings.alias(), redis, connection);
    this.tracking = new RedisKeyTracking(settings.alias(), redis, connection);
    this.sizeLimit =
        ValueSizeLimit.of(
            settings.alias(), options.maxValueSize(), "Redis itself takes at most 512 MiB");
  }

  /** What the engine gives this store: its settings, serializer and compressor. */
  StoreContext context() {
    return context;
  }

  /** The options as parsed from the settings. */
  RedisOptions options() {
    return options;
  }

  /** The servers it connects to, as parsed from the locations. */
  List<RedisURI> nodes() {
    return connection.nodes();
  }

  // ---------------------------------------------------------------- values

  private byte[] encode(Object value) {
    if (PythonInt.isInteger(value)) {
      return PythonInt.encode(value);
    }
    // Refused here: Redis would answer a protocol error and drop the connection.
    return sizeLimit.checkWrite(context.serialize(value));
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

  // Each primitive is written once, on a RedisWire: async() sends it on Lettuce's asynchronous
  // commands; a synchronous call runs it on the sync wire (Jedis for one server over TCP, already
  // complete when it returns) and waits, as Lettuce's own sync API does.

  /**
   * The wire a synchronous call uses: Jedis when the cache talks to one server over TCP and {@code
   * options.sync_client} allows it (chosen on the first call), else the Lettuce wire. When every
   * pooled Jedis connection is busy the call goes over the Lettuce connection, which carries any
   * number of callers at once, rather than wait for one: with more threads than {@code
   * max_connections} the overflow costs no waiting.
   */
  private RedisWire sync() {
    RedisWire wire = syncWire;
    if (wire == null) {
      wire = chooseSyncWire();
    }
    return wire.saturated() ? lettuce : wire;
  }

  private synchronized RedisWire chooseSyncWire() {
    if (syncWire == null) {
      syncWire = jedisIfOneServer();
    }
    return syncWire;
  }

  /**
   * Jedis for one server over TCP. Without {@code options.cluster} a lone URL may be a cluster
   * node: Jedis asks it, so that a process making only synchronous calls (the one-shot CLI) never
   * starts Lettuce, and tells the Lettuce connection the answer.
   */
  private RedisWire jedisIfOneServer() {
    RedisURI server = options.syncOnJedis() ? connection.singleTcpServer() : null;
    if (server == null) {
      return lettuce;
    }
    JedisWire jedis = new JedisWire(redis.errors(), server, options);
    if (connection.clusterUnknown()) {
      boolean cluster;
      try {
        cluster = jedis.isClusterNode();
      } catch (RuntimeException e) {
        jedis.close();
        throw e;
      }
      connection.settleCluster(cluster);
    }
    if (connection.singleTcpServer() == null) {
      jedis.close(); // a cluster after all, found by either client
      return lettuce;
    }
    return jedis;
  }

  @Override
  public Object load(String key) {
    return redis.await("get", load(sync(), key));
  }

  @Override
  public CompletionStage<Object> loadAsync(String key) {
    return load(lettuce, key);
  }

  private CompletionStage<Object> load(RedisWire wire, String key) {
    return wire.get("get", raw(key)).thenApply(stored -> stored == null ? MISSING : decode(key, stored));
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    redis.await("set", store(sync(), key, value, timeout));
  }

  @Override
  public CompletionStage<Void> storeAsync(String key, Object value, Timeout timeout) {
    return store(lettuce, key, value, timeout);
  }

  private CompletionStage<Void> store(RedisWire wire, String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
    Long ms = millis(timeout);
    if (ms != null && ms <= 0) {
      // Redis refuses PX 0: a value that is already expired is a delete, as in django-redis.
      return wire.delete("set", raw(key)).thenAccept(deleted -> {});
    }
    return wire.set("set", raw(key), bytes, ms);
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return redis.await("add", storeIfAbsent(sync(), key, value, timeout));
  }

  @Override
  public CompletionStage<Boolean> storeIfAbsentAsync(String key, Object value, Timeout timeout) {
    return storeIfAbsent(lettuce, key, value, timeout);
  }

  private CompletionStage<Boolean> storeIfAbsent(
      RedisWire wire, String key, Object value, Timeout timeout) {
    byte[] bytes = encode(value);
    Long ms = millis(timeout);
    if (ms != null && ms <= 0) {
      // Nothing readable is stored; it would have been added if nothing was there.
      return wire.exists("add", raw(key)).thenApply(exists -> !exists);
    }
    return wire.setIfAbsent("add", raw(key), bytes, ms);
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return redis.await("touch", expire(sync(), key, timeout));
  }

  @Override
  public CompletionStage<Boolean> expireAsync(String key, Timeout timeout) {
    return expire(lettuce, key, timeout);
  }

  private CompletionStage<Boolean> expire(RedisWire wire, String key, Timeout timeout) {
    Long ms = millis(timeout);
    if (ms == null) {
      // PERSIST answers 0 for a key without expiry too; touch reports whether the key exists.
      return wire.persist("touch", raw(key))
          .thenCompose(
              persisted ->
                  persisted
                      ? CompletableFuture.completedFuture(true)
                      : wire.exists("touch", raw(key)));
    }
    return wire.expire("touch", raw(key), ms);
  }

  @Override
  public boolean remove(String key) {
    return redis.await("delete", remove(sync(), key));
  }

  @Override
  public CompletionStage<Boolean> removeAsync(String key) {
    return remove(lettuce, key);
  }

  private static CompletionStage<Boolean> remove(RedisWire wire, String key) {
    return wire.delete("delete", raw(key)).thenApply(n -> n == 1);
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
    long millis = redis.await("ttl", sync().timeToLive("ttl", raw(key)));
    if (millis == -1) {
      return Timeout.NEVER;
    }
    return millis > 0 ? Timeout.millis(millis) : null;
  }

  @Override
  public boolean contains(String key) {
    return redis.await("has_key", sync().exists("has_key", raw(key)));
  }

  @Override
  public CompletionStage<Boolean> containsAsync(String key) {
    return lettuce.exists("has_key", raw(key));
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    return redis.await("get_many", loadMany(sync(), keys));
  }

  @Override
  public CompletionStage<Map<String, Object>> loadManyAsync(List<String> keys) {
    return loadMany(lettuce, keys);
  }

  private CompletionStage<Map<String, Object>> loadMany(RedisWire wire, List<String> keys) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return wire.getAll("get_many", raw(keys))
        .thenApply(
            values -> {
              Map<String, Object> found = new LinkedHashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                byte[] value = values.get(i);
                if (value != null) {
                  found.put(keys.get(i), decode(keys.get(i), value));
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
      redis.await("set_many", sync().delete("set_many", encoded.keySet().toArray(byte[][]::new)));
    } else {
      redis.await("set_many", sync().setAll("set_many", encoded, ms));
    }
    return failed;
  }

  @Override
  public int removeMany(List<String> keys) {
    return redis.await("delete_many", sync().delete("delete_many", raw(keys))).intValue();
  }

  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return redis.await("incr", increment(sync(), key, delta));
  }

  @Override
  public CompletionStage<Object> incrementAsync(String key, long delta, Timeout defaultTimeout) {
    return increment(lettuce, key, delta);
  }

  private CompletionStage<Object> increment(RedisWire wire, String key, long delta) {
    byte[] raw = raw(key);
    return wire.eval("incr", INCR, raw, PythonInt.encode(delta))
        .<Object>thenApply(next -> next == null ? MISSING : PythonInt.decode(next))
        .exceptionallyCompose(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof BackendRefusedException refused
                  && (refused.getMessage().contains("not an integer or out of range")
                      || refused.getMessage().contains("would overflow"))) {
                return incrementStored(wire, raw, key, delta);
              }
              return CompletableFuture.failedFuture(cause);
            });
  }

  /**
   * django-redis's fallback when {@code INCRBY} refuses the value (not decimal, or beyond 64 bits):
   * read, add, write back keeping the TTL. A value that is no integer is left as it is, and so is
   * one whose sum would leave the signed 64-bit range ({@code CounterOverflowException}).
   */
  private CompletionStage<Object> incrementStored(
      RedisWire wire, byte[] raw, String key, long delta) {
    return wire.get("incr", raw)
        .thenCompose(
            stored -> {
              if (stored == null) {
                return CompletableFuture.completedFuture(MISSING);
              }
              Object next = Increments.add(key, decode(stored), delta);
              return wire.setKeepingExpiry("incr", raw, encode(next)).thenApply(ok -> next);
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
    tracking.close();
    RedisWire wire = syncWire;
    if (wire != null) {
      wire.close();
    }
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
    if (type == KeyChanges.class) {
      return tracking.offered() ? type.cast(tracking) : null;
    }
    return type == RedisExtension.class
        ? type.cast(new RedisExtras(context, options, redis, patterns, this, keys))
        : null;
  }
}
