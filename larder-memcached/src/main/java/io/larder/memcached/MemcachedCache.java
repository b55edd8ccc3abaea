package io.larder.memcached;

import io.larder.BackendUnavailableException;
import io.larder.BaseCache;
import io.larder.CacheSettings;
import io.larder.DisallowedClassException;
import io.larder.InvalidCacheKeyException;
import io.larder.MissingKeyException;
import io.larder.NotAnIntegerException;
import io.larder.SerializationException;
import io.larder.Timeout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.transcoders.CachedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's memcached backends on xmemcached: keys are checked against memcached's rules before they
 * reach the wire, values carry Django's flags, timeouts follow Django's memcached rule, and {@code
 * get_many}, {@code add}, {@code touch} and {@code incr}/{@code decr} are the server's own
 * commands. {@code clear} is {@code flush_all} on every server of the pool.
 */
final class MemcachedCache extends BaseCache {
  private static final Logger log = LoggerFactory.getLogger(MemcachedCache.class);
  private static final int MAX_KEY_BYTES = 250;

  /** memcached reads an exptime over 30 days as an absolute Unix time. */
  private static final long MAX_RELATIVE_EXPTIME = 60L * 60 * 24 * 30;

  private static final int CAS_ATTEMPTS = 100;

  private final PoolOptions options;
  private final ServerPool pool;
  private final ValueFlags flags;

  MemcachedCache(CacheSettings settings, PoolOptions options) {
    super(settings);
    this.options = options;
    this.pool = new ServerPool(settings.alias(), options, settings.clock());
    this.flags =
        new ValueFlags(
            serializer(), options.compress(), options.compressMinLength(), options.compressLevel());
  }

  // ------------------------------------------------------------ keys

  /** memcached cannot store such a key, and it must not reach a text protocol: refuse it. */
  @Override
  protected void validateKey(String madeKey) {
    throw new InvalidCacheKeyException(keyProblems(madeKey).get(0));
  }

  /**
   * The made key, checked for memcached's limit in bytes: Django counts characters, but the server
   * counts the UTF-8 bytes, so a short key of non-ASCII text can still be too long.
   */
  private static String wire(String key) {
    if (key.length() * 3 > MAX_KEY_BYTES && utf8Length(key) > MAX_KEY_BYTES) {
      throw new InvalidCacheKeyException(
          "Cache key will cause errors if used with memcached: '"
              + key
              + "' (longer than "
              + MAX_KEY_BYTES
              + " bytes in UTF-8)");
    }
    return key;
  }

  private static int utf8Length(String key) {
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  // ------------------------------------------------------------ reads

  @Override
  protected Object load(String key) {
    ServerNode node = pool.nodeFor(wire(key));
    CachedData item = pool.call(node, client -> client.get(key, PassThroughTranscoder.INSTANCE));
    return item == null ? MISSING : decode(key, item);
  }

  @Override
  protected Map<String, Object> loadMany(List<String> keys) {
    keys.forEach(MemcachedCache::wire);
    Map<String, Object> found = new LinkedHashMap<>();
    for (Map.Entry<ServerNode, List<String>> group : pool.byNode(keys).entrySet()) {
      Map<String, CachedData> items;
      try {
        items =
            pool.call(
                group.getKey(),
                client -> client.get(group.getValue(), PassThroughTranscoder.INSTANCE));
      } catch (BackendUnavailableException e) {
        partOfManyFailed(e, "get_many", group.getValue());
        continue;
      }
      for (String key : group.getValue()) {
        CachedData item = items == null ? null : items.get(key);
        if (item != null) {
          Object value = decode(key, item);
          if (value != MISSING) {
            found.put(key, value);
          }
        }
      }
    }
    return found;
  }

  /**
   * The item's value, or {@link #MISSING} for an item this reader cannot make sense of (written by
   * another kind of client, or corrupt): logged, and left for its writer. A class the serializer's
   * allow-list rejects is an error, not a miss.
   */
  private Object decode(String key, CachedData item) {
    try {
      return flags.decode(item);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (SerializationException e) {
      log.warn(
          "Cache '{}': the item under '{}' cannot be read, treated as a miss: {}",
          alias(),
          key,
          e.getMessage());
      return MISSING;
    }
  }

  // ------------------------------------------------------------ writes

  @Override
  protected void store(String key, Object value, Timeout timeout) {
    CachedData item = encode(key, value);
    if (expiresAtOnce(timeout)) {
      // Django sends exptime -1; xmemcached refuses negative times, and deleting is the same.
      remove(key);
      return;
    }
    int exptime = exptime(timeout);
    ServerNode node = pool.nodeFor(key);
    try {
      pool.call(node, client -> client.set(key, exptime, item, PassThroughTranscoder.INSTANCE));
    } catch (RefusedException e) {
      throw refused(key, item, e);
    }
  }

  @Override
  protected boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    CachedData item = encode(key, value);
    if (expiresAtOnce(timeout)) {
      // memcached stores it already expired: true exactly when there was nothing to keep.
      return !contains(key);
    }
    int exptime = exptime(timeout);
    ServerNode node = pool.nodeFor(key);
    try {
      return pool.call(
          node, client -> client.add(key, exptime, item, PassThroughTranscoder.INSTANCE));
    } catch (RefusedException e) {
      throw refused(key, item, e);
    }
  }

  @Override
  protected List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    Map<String, CachedData> items = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          try {
            items.put(key, encode(key, value));
          } catch (SerializationException e) {
            log.warn("Cache '{}': not storing '{}': {}", alias(), key, e.getMessage());
            failed.add(key);
          }
        });
    if (expiresAtOnce(timeout)) {
      removeMany(new ArrayList<>(items.keySet()));
      return failed;
    }
    int exptime = exptime(timeout);
    for (Map.Entry<ServerNode, List<String>> group :
        pool.byNode(new ArrayList<>(items.keySet())).entrySet()) {
      List<String> keys = group.getValue();
      int done = 0;
      try {
        for (String key : keys) {
          CachedData item = items.get(key);
          try {
            boolean stored =
                pool.call(
                    group.getKey(),
                    client -> client.set(key, exptime, item, PassThroughTranscoder.INSTANCE));
            if (!stored) {
              failed.add(key);
            }
          } catch (RefusedException e) {
            log.warn(
                "Cache '{}': not storing '{}': {}",
                alias(),
                key,
                refused(key, item, e).getMessage());
            failed.add(key);
          }
          done++;
        }
      } catch (BackendUnavailableException e) {
        List<String> lost = keys.subList(done, keys.size());
        failed.addAll(lost);
        partOfManyFailed(e, "set_many", lost);
      }
    }
    return failed;
  }

  @Override
  protected boolean expire(String key, Timeout timeout) {
    if (expiresAtOnce(timeout)) {
      return remove(key);
    }
    int exptime = exptime(timeout);
    ServerNode node = pool.nodeFor(wire(key));
    return pool.call(node, client -> client.touch(key, exptime));
  }

  @Override
  protected boolean remove(String key) {
    ServerNode node = pool.nodeFor(wire(key));
    return pool.call(node, client -> client.delete(key));
  }

  @Override
  protected int removeMany(List<String> keys) {
    keys.forEach(MemcachedCache::wire);
    int removed = 0;
    for (Map.Entry<ServerNode, List<String>> group : pool.byNode(keys).entrySet()) {
      for (String key : group.getValue()) {
        try {
          if (pool.call(group.getKey(), client -> client.delete(key))) {
            removed++;
          }
        } catch (BackendUnavailableException e) {
          partOfManyFailed(e, "delete_many", group.getValue());
          break;
        }
      }
    }
    return removed;
  }

  /** {@code flush_all} on every server of the pool: it empties them of every key, not only ours. */
  @Override
  protected void removeAll() {
    List<String> failures = new ArrayList<>();
    BackendUnavailableException last = null;
    for (ServerNode node : pool.nodes()) {
      try {
        pool.call(
            node,
            client -> {
              // flushAll covers the connections there are, and says nothing if there are none.
              if (client.getAvailableServers().isEmpty()) {
                throw new MemcachedException("not connected");
              }
              client.flushAll();
              return null;
            });
      } catch (BackendUnavailableException e) {
        failures.add(node.toString());
        last = e;
      }
    }
    if (last != null) {
      throw new BackendUnavailableException(
          "Cache '" + alias() + "': clear could not flush " + failures + ": " + last.getMessage(),
          last);
    }
  }

  // ------------------------------------------------------------ incr / decr

  /**
   * The server's {@code incr}/{@code decr}: atomic, and the key keeps its time to live; {@code
   * decr} stops at 0, as memcached's does. A value memcached cannot count — a negative number, or
   * one over 64 bits — is counted by compare-and-swap instead, which, like Django's base {@code
   * incr}, gives the key the default timeout.
   */
  @Override
  protected long increment(String key, long delta, String callerKey) {
    ServerNode node = pool.nodeFor(wire(key));
    try {
      Long value =
          pool.call(
              node, client -> Counter.add(client, key, delta, options.operationTimeoutMillis()));
      if (value == null) {
        throw new MissingKeyException(callerKey);
      }
      return value;
    } catch (RefusedException notACounter) {
      return compareAndSwap(node, key, delta, callerKey);
    }
  }

  private long compareAndSwap(ServerNode node, String key, long delta, String callerKey) {
    int exptime = exptime(settings().timeout());
    for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      GetsResponse<CachedData> current =
          pool.call(node, client -> client.gets(key, PassThroughTranscoder.INSTANCE));
      if (current == null) {
        throw new MissingKeyException(callerKey);
      }
      Object value = decode(key, current.getValue());
      if (value == MISSING) {
        throw new NotAnIntegerException(callerKey, current.getValue().getData());
      }
      Object next = addDelta(callerKey, value, delta);
      CachedData item = flags.encode(next);
      if (pool.call(
          node,
          client ->
              client.cas(key, exptime, item, PassThroughTranscoder.INSTANCE, current.getCas()))) {
        return ((Number) next).longValue();
      }
    }
    throw new BackendUnavailableException(
        "Cache '"
            + alias()
            + "': incr of '"
            + callerKey
            + "' lost "
            + CAS_ATTEMPTS
            + " compare-and-swap races in a row");
  }

  // ------------------------------------------------------------ helpers

  /** The value's item, checked against the server's item size before anything is sent. */
  private CachedData encode(String key, Object value) {
    wire(key);
    CachedData item = flags.encode(value);
    if (item.getData().length > options.maxItemSize()) {
      throw new ValueTooLargeException(
          alias(), key, item.getData().length, options.maxItemSize(), " (options.max_item_size)");
    }
    return item;
  }

  /** A refusal of a store: too large for the server's own limit, or something unexpected. */
  private RuntimeException refused(String key, CachedData item, RefusedException e) {
    if (e.getMessage() != null && e.getMessage().contains("too large")) {
      return new ValueTooLargeException(
          alias(),
          key,
          item.getData().length,
          options.maxItemSize(),
          " (the server refused it: its -I is lower than options.max_item_size)");
    }
    return e;
  }

  /** Django sends exptime -1 when the whole seconds are 0 or fewer: expired at once. */
  private static boolean expiresAtOnce(Timeout timeout) {
    return !timeout.isNever() && (long) timeout.toSeconds() <= 0;
  }

  /**
   * Django's memcached timeout rule: never is 0, whole seconds otherwise (0 becomes -1, expired),
   * and over 30 days an absolute Unix time, as the protocol reads it.
   */
  private int exptime(Timeout timeout) {
    if (timeout.isNever()) {
      return 0;
    }
    long seconds = (long) timeout.toSeconds();
    if (seconds > MAX_RELATIVE_EXPTIME) {
      seconds += nowMillis() / 1000;
    }
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /** One server of a multi-key operation failed: the others' keys went through. */
  private void partOfManyFailed(
      BackendUnavailableException e, String operation, List<String> keys) {
    reportPartialFailure(e, operation, keys.toString());
  }

  @Override
  protected void closeStore() {
    pool.close();
  }
}
