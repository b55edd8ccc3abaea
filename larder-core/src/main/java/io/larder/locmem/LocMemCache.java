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
  private final LocMemStore store;
  private final Cache<String, Entries> chains;
  private final boolean byValue;
  /** The default key head when a made key splits back into it and the caller's key; else null. */
  private final String splitHead;
  /** The store's instance of {@link #splitHead}, which the store's links hold. */
  private final String storedHead;

  LocMemCache(CacheSettings settings) {
    super(settings);
    this.byValue = settings.booleanOption("store_by_value", false);
    this.store = LocMemStores.get(settings.location(), settings.maxEntries());
    this.chains = store.chains;
    String head = defaultKeyHead();
    this.splitHead = head != null && LocMemStore.splitsAtEnd(head) ? head : null;
    this.storedHead = splitHead == null ? null : store.register(splitHead);
    if (byValue) {
      // Fail at start-up, not at the first set, if the serializer cannot even write null.
      serialize(null);
    }
  }

  /** The number of entries in the store, expired ones not yet evicted included. */
  public long size() {
    chains.cleanUp();
    return chains.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  @Override
  protected Object load(String madeKey) {
    Entries link = live(madeKey);
    return link == null ? MISSING : unwrap(link.value);
  }

  @Override
  protected Object load(String head, String key) {
    if (head != splitHead) {
      return super.load(head, key);
    }
    // One lookup and a comparison or two on a hit; the rest is out of line, so this inlines. The
    // key is checked against the key rules only when it is not known valid: a stored link says.
    Entries chain = chains.getIfPresent(key);
    Entries link = chain == null ? null : Entries.find(chain, storedHead);
    if (link == null || !link.validKey) {
      checkKey(head, key);
    }
    if (link == null || isExpired(key, link)) {
      return MISSING;
    }
    return unwrap(link.value);
  }

  @Override
  protected boolean contains(String madeKey) {
    return live(madeKey) != null;
  }

  @Override
  protected void store(String madeKey, Object value, Timeout timeout) {
    int split = LocMemStore.splitPoint(madeKey);
    String head = store.head(madeKey.substring(0, split));
    write(head, madeKey.substring(split), value, timeout, isValidKey(madeKey));
  }

  @Override
  protected void store(String head, String key, Object value, Timeout timeout) {
    if (head != splitHead) {
      store(head.concat(key), value, timeout);
    } else {
      write(storedHead, key, value, timeout, true);
    }
  }

  /** Sets the entry of {@code head} in {@code key}'s chain; {@code head} is the store's. */
  private void write(String head, String key, Object value, Timeout timeout, boolean validKey) {
    Object stored = wrap(value);
    long now = nowMillis();
    long expiresAt = expiresAtMillis(timeout);
    // Keyed by the caller's own string, so later reads with it compare by identity.
    chains
        .asMap()
        .compute(
            key,
            (k, chain) ->
                timeout.isExpired()
                    ? Entries.without(chain, head, now)
                    : Entries.with(chain, head, stored, expiresAt, validKey, now));
  }

  @Override
  protected boolean storeIfAbsent(String madeKey, Object value, Timeout timeout) {
    Object stored = wrap(value);
    long now = nowMillis();
    long expiresAt = expiresAtMillis(timeout);
    boolean[] added = {false};
    update(
        madeKey,
        (head, validKey, chain) -> {
          if (Entries.findLive(chain, head, now) != null) {
            return chain;
          }
          added[0] = true;
          return timeout.isExpired()
              ? Entries.without(chain, head, now)
              : Entries.with(chain, head, stored, expiresAt, validKey, now);
        });
    return added[0];
  }

  @Override
  protected boolean expire(String madeKey, Timeout timeout) {
    long now = nowMillis();
    long expiresAt = expiresAtMillis(timeout);
    boolean[] existed = {false};
    update(
        madeKey,
        (head, validKey, chain) -> {
          Entries link = Entries.findLive(chain, head, now);
          if (link == null) {
            return Entries.without(chain, head, now);
          }
          existed[0] = true;
          return timeout.isExpired()
              ? Entries.without(chain, head, now)
              : Entries.with(chain, head, link.value, expiresAt, validKey, now);
        });
    return existed[0];
  }

  @Override
  protected boolean remove(String madeKey) {
    long now = nowMillis();
    boolean[] removed = {false};
    update(
        madeKey,
        (head, validKey, chain) -> {
          removed[0] = Entries.findLive(chain, head, now) != null;
          return Entries.without(chain, head, now);
        });
    return removed[0];
  }

  @Override
  protected void removeAll() {
    chains.invalidateAll();
  }

  @Override
  protected long increment(String madeKey, long delta, String callerKey) {
    long now = nowMillis();
    Object[] next = new Object[1];
    update(
        madeKey,
        (head, validKey, chain) -> {
          Entries link = Entries.findLive(chain, head, now);
          if (link == null) {
            throw new MissingKeyException(callerKey);
          }
          next[0] = addDelta(callerKey, unwrap(link.value), delta);
          return Entries.with(chain, head, wrap(next[0]), link.expiresAtMillis, validKey, now);
        });
    return ((Number) next[0]).longValue();
  }

  @Override
  protected Executor asyncExecutor() {
    return Runnable::run;
  }

  /**
   * How a write changes the chain of a made key's caller key, given the key's head and whether
   * the made key is valid: null removes the chain.
   */
  private interface ChainUpdate {
    Entries apply(String head, boolean validKey, Entries chain);
  }

  /** Applies {@code update} atomically to the chain of {@code madeKey}'s caller key. */
  private void update(String madeKey, ChainUpdate update) {
    int split = LocMemStore.splitPoint(madeKey);
    String head = store.head(madeKey.substring(0, split));
    boolean validKey = isValidKey(madeKey);
    chains
        .asMap()
        .compute(madeKey.substring(split), (key, chain) -> update.apply(head, validKey, chain));
  }

  /** The unexpired link of {@code madeKey}, or null. */
  private Entries live(String madeKey) {
    int split = LocMemStore.splitPoint(madeKey);
    String key = madeKey.substring(split);
    Entries chain = chains.getIfPresent(key);
    Entries link = chain == null ? null : Entries.find(chain, madeKey.substring(0, split));
    return link == null || isExpired(key, link) ? null : link;
  }

  /** True if {@code link} has expired, when it is removed, as Django removes it on read. */
  private boolean isExpired(String key, Entries link) {
    if (link.expiresAtMillis == Long.MAX_VALUE) {
      return false;
    }
    long now = nowMillis();
    if (link.isLiveAt(now)) {
      return false;
    }
    chains.asMap().computeIfPresent(key, (k, chain) -> Entries.without(chain, link.head, now));
    return true;
  }

  private Object wrap(Object value) {
    return byValue ? serialize(value) : value;
  }

  private Object unwrap(Object stored) {
    return byValue ? deserialize((byte[]) stored) : stored;
  }
}
