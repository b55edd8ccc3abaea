package io.larder.chain;

import io.larder.BackendUnavailableException;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.CommonOptions;
import io.larder.spi.StoreContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store of a {@code chain}: reads go down the tiers, fastest first, and a hit refills the
 * faster tiers for no longer than the copy found lives; writes go up from the last, authoritative
 * tier. The chain's engine has made and validated the key with the chain's key function, prefix and
 * version, and every tier stores under that key: the tiers' stores are called directly, each behind
 * its cache's failure policy, not through a second {@code Cache} that would make, check and count a
 * second key. docs/layered.md has the table of what each tier sees.
 */
final class ChainStore implements CacheStore, ChainExtension {
  private static final Logger log = LoggerFactory.getLogger(ChainStore.class);

  private final String alias;

  /** Fastest first. */
  private final List<Tier> tiers;

  /** The last tier, whose answer stands for the chain: atomic operations run there. */
  private final Tier authoritative;

  /** Every tier but the authoritative, slowest first: the order writes go in after it. */
  private final List<Tier> upward;

  private final WriteGuard guard = new WriteGuard();

  /** Null unless a shared tier can tell other processes of changes (Redis). */
  private final Coherence coherence;

  private final boolean blocksOnIo;
  private final boolean rejectsInvalidKeys;

  ChainStore(StoreContext context, List<String> aliases) {
    this.alias = context.alias();
    List<CacheStore> stores = aliases.stream().map(context::store).toList();
    CoherenceChoice source = CoherenceChoice.of(context, aliases, stores);
    // With invalidations, local copies need no time bound unless one is asked for.
    boolean capped = source.timeoutOnly() || ChainBackend.LOCAL_TIMEOUT.isSet(context.settings());
    Timeout localTimeout = ChainBackend.LOCAL_TIMEOUT.from(context.settings());
    List<Tier> built = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      String tierAlias = aliases.get(i);
      boolean near = Tier.isLocal(stores.get(i)) && sharedBelow(stores, i);
      built.add(
          new Tier(
              tierAlias,
              stores.get(i),
              context.cache(tierAlias).settings().timeout(),
              near,
              near && capped ? localTimeout : null));
    }
    this.tiers = List.copyOf(built);
    this.authoritative = tiers.get(tiers.size() - 1);
    List<Tier> upward = new ArrayList<>(tiers.subList(0, tiers.size() - 1));
    Collections.reverse(upward);
    this.upward = List.copyOf(upward);
    this.blocksOnIo = tiers.stream().anyMatch(t -> t.store.blocksOnIo());
    this.rejectsInvalidKeys = tiers.stream().anyMatch(t -> t.store.rejectsInvalidKeys());
    this.coherence =
        source.timeoutOnly() || tiers.stream().noneMatch(t -> t.near)
            ? null
            : coherence(context, source);
  }

  private Coherence coherence(StoreContext context, CoherenceChoice source) {
    List<Tier> near = tiers.stream().filter(t -> t.near).toList();
    return source.open(
        context,
        CommonOptions.IGNORE_EXCEPTIONS.from(context.cache(source.tierAlias()).settings()),
        key ->
            guard.write(
                key,
                () -> {
                  near.forEach(t -> t.store.remove(key));
                  return null;
                }),
        () ->
            guard.writeEverything(
                () -> {
                  near.forEach(t -> t.store.removeAll());
                  return null;
                }));
  }

  /**
   * True unless {@code tier} is a local copy that cannot be trusted now: invalidations are down.
   */
  private boolean usable(Tier tier) {
    return !tier.near || coherence == null || coherence.live();
  }

  /** Tells other processes' chains (if any listen) that {@code key} changed. */
  private void changed(String key) {
    if (coherence != null) {
      coherence.changed(List.of(key));
    }
  }

  /** True if a tier below {@code i} is shared with other processes, so a copy at i can go stale. */
  private static boolean sharedBelow(List<CacheStore> stores, int i) {
    return stores.subList(i + 1, stores.size()).stream().anyMatch(s -> !Tier.isLocal(s));
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Object load(String key) {
    // Taken before reading a tier whose hit refills faster ones; a hit in the first needs none.
    long stamp = -1;
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      if (!usable(tier)) {
        continue;
      }
      if (i > 0 && stamp < 0) {
        stamp = guard.stamp(key);
      }
      Object value = tier.load(key);
      if (value != MISSING) {
        tier.hit();
        debug("hit", key, tier);
        if (i > 0) {
          refill(key, value, i, stamp);
        }
        return value;
      }
      tier.miss();
      debug("miss", key, tier);
    }
    return MISSING;
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    Map<String, Long> stampOf = new HashMap<>();
    keys.forEach(key -> stampOf.put(key, guard.stamp(key)));
    List<String> remaining = new ArrayList<>(keys);
    Map<String, Object> found = new LinkedHashMap<>();
    for (int i = 0; i < tiers.size() && !remaining.isEmpty(); i++) {
      Tier tier = tiers.get(i);
      if (!usable(tier)) {
        continue;
      }
      Map<String, Object> here = tier.store.loadMany(remaining);
      for (Map.Entry<String, Object> entry : here.entrySet()) {
        tier.hit();
        debug("hit", entry.getKey(), tier);
        found.put(entry.getKey(), entry.getValue());
        if (i > 0) {
          refill(entry.getKey(), entry.getValue(), i, stampOf.get(entry.getKey()));
        }
      }
      remaining.removeAll(here.keySet());
      tier.misses(remaining.size());
      for (String key : remaining) {
        debug("miss", key, tier);
      }
    }
    return found;
  }

  @Override
  public boolean contains(String key) {
    for (Tier tier : tiers) {
      if (usable(tier) && tier.store.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** The authoritative copy's time to live, else the first faster tier's that can tell. */
  @Override
  public Timeout timeToLive(String key) {
    for (int i = tiers.size() - 1; i >= 0; i--) {
      Timeout left = tiers.get(i).timeToLive(key);
      if (left != null) {
        return left;
      }
    }
    return null;
  }

  /**
   * Copies a value found in tier {@code found} into the faster tiers, slowest first, for as long as
   * that copy has left; not if a write to the key came in since the read began, as the copy may be
   * of the value it replaced.
   */
  private void refill(String key, Object value, int found, long stamp) {
    Tier source = tiers.get(found);
    Timeout left;
    try {
      left = source.timeToLive(key);
    } catch (BackendUnavailableException e) {
      log.debug(
          "Cache '{}': {} not refilled: tier '{}' cannot tell its time to live: {}",
          alias,
          key,
          source.alias,
          e.getMessage());
      return;
    }
    if (left == null) {
      return; // expired or removed since the read: nothing to copy
    }
    boolean refilled =
        guard.refill(
            key,
            stamp,
            () -> {
              for (int i = found - 1; i >= 0; i--) {
                Tier tier = tiers.get(i);
                if (!usable(tier)) {
                  continue;
                }
                tier.refill(key, value, left);
                if (log.isDebugEnabled()) {
                  log.debug(
                      "Cache '{}': {} refilled into tier '{}' from '{}' for {}",
                      alias,
                      key,
                      tier.alias,
                      source.alias,
                      tier.capped(left));
                }
              }
            });
    if (!refilled) {
      debug("not refilled after a concurrent write", key, source);
    }
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void store(String key, Object value, Timeout timeout) {
    guard.write(
        key,
        () -> {
          authoritative.store(key, value, timeout);
          for (Tier tier : upward) {
            tier.store(key, value, timeout);
          }
          changed(key);
          return null;
        });
  }

  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    return guard.writeMany(
        entries.keySet(),
        () -> {
          List<String> failed =
              authoritative.store.storeMany(entries, authoritative.capped(timeout));
          Map<String, Object> stored = new LinkedHashMap<>(entries);
          stored.keySet().removeAll(failed);
          for (Tier tier : upward) {
            tier.store.storeMany(stored, tier.capped(timeout));
          }
          if (coherence != null) {
            coherence.changed(stored.keySet());
          }
          return failed;
        });
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return guard.write(
        key,
        () -> {
          if (!authoritative.store.storeIfAbsent(key, value, authoritative.capped(timeout))) {
            return false;
          }
          for (Tier tier : upward) {
            tier.store(key, value, timeout);
          }
          changed(key);
          return true;
        });
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return guard.write(
        key,
        () -> {
          try {
            return authoritative.store.expire(key, authoritative.capped(timeout));
          } finally {
            dropUpperCopies(key);
          }
        });
  }

  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return guard.write(
        key,
        () -> {
          try {
            // A store without an atomic increment rewrites the value with its own default timeout.
            return authoritative.store.increment(
                key, delta, authoritative.capped(Timeout.DEFAULT));
          } finally {
            dropUpperCopies(key);
          }
        });
  }

  @Override
  public boolean remove(String key) {
    return guard.write(
        key,
        () -> {
          boolean removed = authoritative.store.remove(key);
          for (Tier tier : upward) {
            removed |= tier.store.remove(key);
          }
          changed(key);
          return removed;
        });
  }

  @Override
  public void removeAll() {
    guard.writeEverything(
        () -> {
          authoritative.store.removeAll();
          for (Tier tier : upward) {
            tier.store.removeAll();
          }
          if (coherence != null) {
            coherence.changedEverything();
          }
          return null;
        });
  }

  /** After a change made on the authoritative tier alone, the faster copies are out of date. */
  private void dropUpperCopies(String key) {
    for (Tier tier : upward) {
      tier.store.remove(key);
    }
    changed(key);
  }

  // ---------------------------------------------------------------- the rest

  @Override
  public boolean rejectsInvalidKeys() {
    return rejectsInvalidKeys;
  }

  @Override
  public boolean blocksOnIo() {
    return blocksOnIo;
  }

  @Override
  public List<String> tiers() {
    return tiers.stream().map(t -> t.alias).toList();
  }

  @Override
  public List<TierStats> tierStats() {
    return tiers.stream().map(Tier::stats).toList();
  }

  @Override
  public boolean localTiersInUse() {
    return coherence == null || coherence.live();
  }

  @Override
  public String coherence() {
    return coherence == null ? "timeout" : coherence.source();
  }

  @Override
  public void close() {
    if (coherence != null) {
      coherence.close();
    }
  }

  private void debug(String what, String key, Tier tier) {
    if (log.isDebugEnabled()) {
      log.debug("Cache '{}': {} {} in tier '{}'", alias, key, what, tier.alias);
    }
  }
}
