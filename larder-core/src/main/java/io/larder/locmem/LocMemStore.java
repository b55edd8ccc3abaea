package io.larder.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import io.larder.CacheSettings;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.Option;
import io.larder.spi.StoreContext;
import java.time.InstantSource;
import java.util.function.UnaryOperator;

/**
 * Django's {@code LocMemCache} on Caffeine: a store per {@code location} name, shared by every
 * cache of the process configured with that name, with per-entry expiry and at most {@code
 * max_entries} entries left by each cache's writes (Caffeine evicts by W-TinyLFU rather than
 * Django's LRU cull, so {@code cull_frequency} is not used). Like Django's, an entry's expiry is
 * checked when it is read: an expired entry is removed then, or evicted when the store is full.
 *
 * <p>Values are stored by reference, the Java convention: mutating an object after {@code set}
 * changes what the cache holds. With {@code options.store_by_value: true} serialized copies are
 * stored instead, as Django does. {@code incr}/{@code decr} are atomic and keep the entry's expiry.
 *
 * @since 0.1
 */
public final class LocMemStore implements CacheStore {
  /**
   * {@code options.store_by_value}, public for the modules that ask how a local-memory cache keeps
   * its values: {@code LocMemStore.STORE_BY_VALUE.from(cache.settings())}.
   */
  public static final Option<Boolean> STORE_BY_VALUE =
      Option.flag(
          "store_by_value",
          false,
          "store serialized copies, as Django does, instead of references (the Java convention)");

  private final StoreContext context;
  private final LocMemLocation store;
  private final Cache<String, Entry> entries;
  private final InstantSource clock;
  private final int maxEntries;
  private final boolean byValue;

  LocMemStore(StoreContext context) {
    CacheSettings settings = context.settings();
    this.context = context;
    this.maxEntries = settings.maxEntries();
    this.store = LocMemLocations.get(settings.location(), maxEntries);
    this.entries = store.entries;
    this.clock = context.coarseClock();
    this.byValue = STORE_BY_VALUE.from(settings);
    if (byValue) {
      // Fail at start-up, not at the first set, if the serializer cannot even write null.
      context.serialize(null);
    }
  }

  /**
   * Drops the process-wide store named {@code location} with its entries, which it otherwise keeps
   * for as long as the process runs, as Django does. For the owner of a location that nothing else
   * names, as it closes (larder-jcache's created caches); a cache opened later on that location
   * starts empty.
   *
   * <pre>{@code
   * LocMemStore.release(cache.settings().location());
   * }</pre>
   *
   * @param location the {@code LOCATION} whose store is released; the empty name of an unnamed
   *     store too
   */
  public static void release(String location) {
    LocMemLocations.release(location);
  }

  /**
   * The number of entries in the store, expired ones not yet removed included.
   *
   * @return the entry count, at the moment of the call
   */
  public long size() {
    return store.size();
  }

  @Override
  public Object load(String key) {
    Entry entry = live(key);
    return entry == null ? MISSING : unwrap(entry.value());
  }

  @Override
  public boolean contains(String key) {
    return live(key) != null;
  }

  @Override
  public Timeout timeToLive(String key) {
    Entry entry = live(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAtMillis() == Long.MAX_VALUE) {
      return Timeout.NEVER;
    }
    long left = entry.expiresAtMillis() - clock.millis();
    return left > 0 ? Timeout.millis(left) : null;
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    if (timeout.isExpired()) {
      entries.invalidate(key);
      return;
    }
    entries.put(key, new Entry(wrap(value), expiresAt(timeout)));
    trim();
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    Object stored = wrap(value);
    long now = clock.millis();
    boolean[] added = {false};
    entries
        .asMap()
        .compute(
            key,
            (k, entry) -> {
              if (entry != null && entry.isLiveAt(now)) {
                return entry;
              }
              added[0] = true;
              return timeout.isExpired() ? null : new Entry(stored, expiresAt(timeout));
            });
    if (added[0]) {
      trim();
    }
    return added[0];
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return updateLive(
        key, entry -> timeout.isExpired() ? null : new Entry(entry.value(), expiresAt(timeout)));
  }

  @Override
  public boolean remove(String key) {
    Entry removed = entries.asMap().remove(key);
    return removed != null && removed.isLiveAt(clock.millis());
  }

  @Override
  public void removeAll() {
    entries.invalidateAll();
  }

  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    Object[] next = {MISSING};
    updateLive(
        key,
        entry -> {
          next[0] = Increments.add(key, unwrap(entry.value()), delta);
          return new Entry(wrap(next[0]), entry.expiresAtMillis());
        });
    return next[0];
  }

  @Override
  public boolean blocksOnIo() {
    return false;
  }

  /** The unexpired entry of {@code key}, or null; an expired one is removed, as Django does. */
  private Entry live(String key) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null || entry.expiresAtMillis() == Long.MAX_VALUE) {
      return entry;
    }
    if (entry.isLiveAt(clock.millis())) {
      return entry;
    }
    entries.asMap().remove(key, entry);
    return null;
  }

  /**
   * Replaces the live entry of {@code key} with what {@code change} makes of it (null removes it),
   * atomically; an expired entry is removed. True if there was a live entry.
   */
  private boolean updateLive(String key, UnaryOperator<Entry> change) {
    long now = clock.millis();
    boolean[] live = {false};
    entries
        .asMap()
        .computeIfPresent(
            key,
            (k, entry) -> {
              if (!entry.isLiveAt(now)) {
                return null;
              }
              live[0] = true;
              return change.apply(entry);
            });
    return live[0];
  }

  private long expiresAt(Timeout timeout) {
    if (timeout.isNever()) {
      return Long.MAX_VALUE;
    }
    return clock.millis() + timeout.toMillis();
  }

  /** Django culls a shared store by the bound of the cache that writes, so this cache does too. */
  private void trim() {
    if (store.exceeds(maxEntries)) {
      store.trimTo(maxEntries);
    }
  }

  private Object wrap(Object value) {
    return byValue ? context.serialize(value) : value;
  }

  private Object unwrap(Object stored) {
    return byValue ? context.deserialize((byte[]) stored) : stored;
  }
}
