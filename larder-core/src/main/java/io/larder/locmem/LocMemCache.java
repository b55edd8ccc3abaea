package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import io.larder.BaseCache;
import io.larder.CacheSettings;
import io.larder.MissingKeyException;
import io.larder.Timeout;
import java.util.concurrent.Executor;

/**
 * Django's {@code LocMemCache} on Caffeine: a store per {@code location} name, shared by every
 * cache of the process configured with that name, with per-entry expiry and at most {@code
 * max_entries} entries (Caffeine evicts by W-TinyLFU rather than Django's LRU cull, so {@code
 * cull_frequency} is not used). Like Django's, an entry's expiry is checked when it is read: an
 * expired entry is removed then, or evicted when the store is full.
 *
 * <p>Values are stored by reference, the Java convention: mutating an object after {@code set}
 * changes what the cache holds. With {@code options.store_by_value: true} serialized copies are
 * stored instead, as Django does. {@code incr}/{@code decr} are atomic and keep the entry's expiry.
 */
public final class LocMemCache extends BaseCache {
  private final Cache<String, Entry> store;
  private final boolean byValue;

  LocMemCache(CacheSettings settings) {
    super(settings);
    this.byValue = settings.booleanOption("store_by_value", false);
    this.store = LocMemStores.get(settings);
    if (byValue) {
      // Fail at start-up, not at the first set, if the serializer cannot even write null.
      serialize(null);
    }
  }

  /** The number of entries in the store, expired ones not yet evicted included. */
  public long size() {
    store.cleanUp();
    return store.estimatedSize();
  }

  @Override
  protected Object load(String key) {
    Entry entry = live(key);
    return entry == null ? MISSING : unwrap(entry.value());
  }

  @Override
  protected boolean contains(String key) {
    return live(key) != null;
  }

  @Override
  protected void store(String key, Object value, Timeout timeout) {
    Object stored = wrap(value);
    if (timeout.isExpired()) {
      store.invalidate(key);
    } else {
      store.put(key, new Entry(stored, expiresAtMillis(timeout)));
    }
  }

  @Override
  protected boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    Object stored = wrap(value);
    long now = nowMillis();
    long expiresAt = expiresAtMillis(timeout);
    boolean[] added = {false};
    store
        .asMap()
        .compute(
            key,
            (k, entry) -> {
              if (entry != null && entry.isLiveAt(now)) {
                return entry;
              }
              added[0] = true;
              return timeout.isExpired() ? null : new Entry(stored, expiresAt);
            });
    return added[0];
  }

  @Override
  protected boolean expire(String key, Timeout timeout) {
    long now = nowMillis();
    long expiresAt = expiresAtMillis(timeout);
    boolean[] existed = {false};
    store
        .asMap()
        .computeIfPresent(
            key,
            (k, entry) -> {
              if (!entry.isLiveAt(now)) {
                return null;
              }
              existed[0] = true;
              return timeout.isExpired() ? null : new Entry(entry.value(), expiresAt);
            });
    return existed[0];
  }

  @Override
  protected boolean remove(String key) {
    Entry removed = store.asMap().remove(key);
    return removed != null && removed.isLiveAt(nowMillis());
  }

  @Override
  protected void removeAll() {
    store.invalidateAll();
  }

  @Override
  protected long increment(String key, long delta, String callerKey) {
    long now = nowMillis();
    Object[] next = new Object[1];
    store
        .asMap()
        .compute(
            key,
            (k, entry) -> {
              if (entry == null || !entry.isLiveAt(now)) {
                throw new MissingKeyException(callerKey);
              }
              next[0] = addDelta(callerKey, unwrap(entry.value()), delta);
              return new Entry(wrap(next[0]), entry.expiresAtMillis());
            });
    return ((Number) next[0]).longValue();
  }

  /** The unexpired entry for {@code key}; an expired one is removed on the way. */
  private Entry live(String key) {
    Entry entry = store.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAtMillis() != Long.MAX_VALUE && !entry.isLiveAt(nowMillis())) {
      store.asMap().remove(key, entry);
      return null;
    }
    return entry;
  }

  @Override
  protected Executor asyncExecutor() {
    return Runnable::run;
  }

  private Object wrap(Object value) {
    return byValue ? serialize(value) : value;
  }

  private Object unwrap(Object stored) {
    return byValue ? deserialize((byte[]) stored) : stored;
  }
}
