package io.larder.internal;

import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Keys;
import java.util.List;
import java.util.Map;

/**
 * A cache's store as a backend built on the cache sees it ({@link
 * io.larder.spi.StoreContext#store}): every call goes to the store with the key it is given,
 * through the cache's failure policy ({@link CacheEngine#call}: failing open, the circuit breaker,
 * error counts and timings) and nothing else, so a layered backend pays for one key and one set of
 * statistics per call, its own.
 */
final class GuardedStore implements CacheStore {
  private final CacheEngine engine;
  private final CacheStore store;

  GuardedStore(CacheEngine engine, CacheStore store) {
    this.engine = engine;
    this.store = store;
  }

  @Override
  public Object load(String key) {
    return engine.read(key, "get", key);
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    engine.call("set", key, null, () -> nothing(() -> store.store(key, value, timeout)));
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return engine.call("add", key, false, () -> store.storeIfAbsent(key, value, timeout));
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return engine.call("touch", key, false, () -> store.expire(key, timeout));
  }

  @Override
  public boolean remove(String key) {
    return engine.call("delete", key, false, () -> store.remove(key));
  }

  @Override
  public void removeAll() {
    engine.call("clear", "*", null, () -> nothing(store::removeAll));
  }

  /** Django has no name for it; django-redis's {@code ttl}. Down and failing open: absent. */
  @Override
  public Timeout timeToLive(String key) {
    return engine.call("ttl", key, null, () -> store.timeToLive(key));
  }

  @Override
  public boolean contains(String key) {
    return engine.call("has_key", key, false, () -> store.contains(key));
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    return engine.call("get_many", keys, Map.of(), () -> store.loadMany(keys));
  }

  /** Down and failing open: no key was stored. */
  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    return engine.call(
        "set_many",
        entries.keySet(),
        List.copyOf(entries.keySet()),
        () -> store.storeMany(entries, timeout));
  }

  @Override
  public int removeMany(List<String> keys) {
    return engine.call("delete_many", keys, 0, () -> store.removeMany(keys));
  }

  /** Never fails open, as {@code incr}: it has no answer to give. */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return engine.callRaising("incr", () -> store.increment(key, delta, defaultTimeout));
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

  private static Void nothing(Runnable call) {
    call.run();
    return null;
  }
}
