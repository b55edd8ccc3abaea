package io.larder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A {@link BaseCache} seen at one version: the {@link Cache} applications hold. */
final class CacheView implements Cache {
  private final BaseCache base;
  private final int version;

  CacheView(BaseCache base, int version) {
    this.base = base;
    this.version = version;
  }

  @Override
  public <T> T get(String key) {
    return get(key, null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(String key, T defaultValue) {
    return (T) base.get(key, defaultValue, version);
  }

  @Override
  public void set(String key, Object value) {
    base.set(key, value, Timeout.DEFAULT, version);
  }

  @Override
  public void set(String key, Object value, Timeout timeout) {
    base.set(key, value, timeout, version);
  }

  @Override
  public boolean add(String key, Object value) {
    return base.add(key, value, Timeout.DEFAULT, version);
  }

  @Override
  public boolean add(String key, Object value, Timeout timeout) {
    return base.add(key, value, timeout, version);
  }

  @Override
  public <T> T getOrSet(String key, Supplier<? extends T> supplier) {
    return getOrSet(key, supplier, Timeout.DEFAULT);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout) {
    return (T) base.getOrSet(key, supplier, timeout, version);
  }

  @Override
  public boolean touch(String key) {
    return base.touch(key, Timeout.DEFAULT, version);
  }

  @Override
  public boolean touch(String key, Timeout timeout) {
    return base.touch(key, timeout, version);
  }

  @Override
  public boolean delete(String key) {
    return base.delete(key, version);
  }

  @Override
  public boolean hasKey(String key) {
    return base.hasKey(key, version);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Map<String, T> getMany(Collection<String> keys) {
    return (Map<String, T>) base.getMany(keys, version);
  }

  @Override
  public List<String> setMany(Map<String, ?> values) {
    return base.setMany(values, Timeout.DEFAULT, version);
  }

  @Override
  public List<String> setMany(Map<String, ?> values, Timeout timeout) {
    return base.setMany(values, timeout, version);
  }

  @Override
  public void deleteMany(Collection<String> keys) {
    base.deleteMany(keys, version);
  }

  @Override
  public long incr(String key) {
    return base.incr(key, 1, version);
  }

  @Override
  public long incr(String key, long delta) {
    return base.incr(key, delta, version);
  }

  @Override
  public long decr(String key) {
    return base.incr(key, -1, version);
  }

  @Override
  public long decr(String key, long delta) {
    return base.incr(key, Math.negateExact(delta), version);
  }

  @Override
  public void clear() {
    base.clear();
  }

  @Override
  public int incrVersion(String key) {
    return base.incrVersion(key, 1, version);
  }

  @Override
  public int incrVersion(String key, int delta) {
    return base.incrVersion(key, delta, version);
  }

  @Override
  public int decrVersion(String key) {
    return base.incrVersion(key, -1, version);
  }

  @Override
  public int decrVersion(String key, int delta) {
    return base.incrVersion(key, Math.negateExact(delta), version);
  }

  @Override
  public Cache withVersion(int version) {
    return version == this.version ? this : new CacheView(base, version);
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public String makeKey(String key) {
    return base.makeKey(key, version);
  }

  @Override
  public AsyncCache async() {
    return new AsyncCacheView(this, base.executor());
  }

  @Override
  public CacheStats stats() {
    return base.stats();
  }

  @Override
  public CacheSettings settings() {
    return base.settings();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(base)) {
      return type.cast(base);
    }
    throw new IllegalArgumentException(
        "Cache '"
            + base.settings().alias()
            + "' is a "
            + base.getClass().getName()
            + ", not a "
            + type.getName());
  }

  @Override
  public void close() {
    base.close();
  }

  @Override
  public String toString() {
    return "Cache[" + base.settings().alias() + ", version " + version + "]";
  }
}
