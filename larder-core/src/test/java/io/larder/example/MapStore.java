package io.larder.example;

import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The example of docs/api.md, "Write your own backend": a whole backend in one small class (with
 * {@link MapBackend}, its descriptor), proven by the shared contract suite ({@link
 * MapStoreContractTest}). Everything else (keys, versions, timeouts' defaults, stats, getOrSet,
 * incr_version, async, failing open) is the engine's.
 */
public final class MapStore implements CacheStore {
  private record Entry(Object value, long expiresAtMillis) {}

  /** The maps by {@code location}: caches configured with the same one share it, as in Django. */
  private static final ConcurrentMap<String, ConcurrentMap<String, Entry>> MAPS =
      new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Entry> map;
  private final StoreContext context;

  MapStore(StoreContext context) {
    this.context = context;
    this.map =
        MAPS.computeIfAbsent(context.settings().location(), location -> new ConcurrentHashMap<>());
  }

  @Override
  public Object load(String key) {
    Entry entry = map.get(key);
    if (entry == null || entry.expiresAtMillis() <= context.nowMillis()) {
      return MISSING;
    }
    return entry.value();
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    if (timeout.isExpired()) {
      map.remove(key);
    } else {
      map.put(key, new Entry(value, context.expiresAtMillis(timeout)));
    }
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    boolean[] added = {false};
    map.compute(
        key,
        (k, old) -> {
          if (old != null && old.expiresAtMillis() > context.nowMillis()) {
            return old;
          }
          added[0] = true;
          return timeout.isExpired() ? null : new Entry(value, context.expiresAtMillis(timeout));
        });
    return added[0];
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    boolean[] existed = {false};
    map.computeIfPresent(
        key,
        (k, old) -> {
          if (old.expiresAtMillis() <= context.nowMillis()) {
            return null;
          }
          existed[0] = true;
          return timeout.isExpired()
              ? null
              : new Entry(old.value(), context.expiresAtMillis(timeout));
        });
    return existed[0];
  }

  @Override
  public boolean remove(String key) {
    Entry removed = map.remove(key);
    return removed != null && removed.expiresAtMillis() > context.nowMillis();
  }

  @Override
  public void removeAll() {
    map.clear();
  }

  /** Atomic, and keeps the key's expiry (the default, Django's, is a read and a write). */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    Object[] next = {MISSING};
    map.computeIfPresent(
        key,
        (k, old) -> {
          if (old.expiresAtMillis() <= context.nowMillis()) {
            return null;
          }
          next[0] = Increments.add(key, old.value(), delta);
          return new Entry(next[0], old.expiresAtMillis());
        });
    return next[0];
  }

  @Override
  public boolean blocksOnIo() {
    return false;
  }
}
