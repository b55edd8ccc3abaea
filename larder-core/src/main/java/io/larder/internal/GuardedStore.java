package io.larder.internal;

import io.larder.Timeout;
import io.larder.internal.FailurePolicy.StoreCall;
import io.larder.spi.CacheStore;
import io.larder.spi.Keys;
import java.util.List;
import java.util.Map;

/**
 * A cache's store as a backend built on the cache sees it ({@link
 * io.larder.spi.StoreContext#store}): every call goes to the store with the key it is given,
 * through the cache's {@link FailurePolicy} (failing open, the circuit breaker, error counts and
 * timings) and nothing else, so a layered backend pays for one key and one set of statistics per
 * call, its own.
 */
final class GuardedStore implements CacheStore {
  /** {@link CacheStore#store}, answering true once the value is stored. */
  static final StoreCall<String, Object, Timeout, Boolean> STORE =
      (s, k, v, t) -> {
        s.store(k, v, t);
        return true;
      };

  private final FailurePolicy policy;
  private final CacheStore store;

  GuardedStore(FailurePolicy policy, CacheStore store) {
    this.policy = policy;
    this.store = store;
  }

  @Override
  public Object load(String key) {
    return policy.load(key, key);
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    policy.call("set", key, false, STORE, key, value, timeout);
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return policy.call("add", key, false, CacheStore::storeIfAbsent, key, value, timeout);
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return policy.call("touch", key, false, (s, k, t, c) -> s.expire(k, t), key, timeout, null);
  }

  @Override
  public boolean remove(String key) {
    return policy.call("delete", key, false, (s, k, b, c) -> s.remove(k), key, null, null);
  }

  @Override
  public void removeAll() {
    policy.call(
        "clear",
        "*",
        null,
        (s, a, b, c) -> {
          s.removeAll();
          return null;
        },
        null,
        null,
        null);
  }

  /** Django has no name for it; django-redis's {@code ttl}. Down and failing open: absent. */
  @Override
  public Timeout timeToLive(String key) {
    return policy.call("ttl", key, null, (s, k, b, c) -> s.timeToLive(k), key, null, null);
  }

  @Override
  public boolean contains(String key) {
    return policy.call("has_key", key, false, (s, k, b, c) -> s.contains(k), key, null, null);
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    return policy.call("get_many", keys, Map.of(), (s, k, b, c) -> s.loadMany(k), keys, null, null);
  }

  /** Down and failing open: no key was stored. */
  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    return policy.call(
        "set_many",
        entries.keySet(),
        List.copyOf(entries.keySet()),
        (s, e, t, c) -> s.storeMany(e, t),
        entries,
        timeout,
        null);
  }

  @Override
  public int removeMany(List<String> keys) {
    return policy.call("delete_many", keys, 0, (s, k, b, c) -> s.removeMany(k), keys, null, null);
  }

  /** Never fails open, as {@code incr}: it has no answer to give. */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return policy.callRaising("incr", CacheStore::increment, key, delta, defaultTimeout);
  }

  @Override
  public boolean rejectsInvalidKeys() {
    return store.rejectsInvalidKeys();
  }

  @Override
  public boolean blocksOnIo() {
    return store.blocksOnIo();
  }

  @Override
  public <T> T extension(Class<T> type, Keys keys) {
    return store.extension(type, keys);
  }
}
