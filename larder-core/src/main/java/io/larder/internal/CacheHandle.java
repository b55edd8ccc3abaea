package io.larder.internal;

import io.larder.AsyncCache;
import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.CacheStats;
import io.larder.Timeout;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link Cache} at one version over a shared {@link CacheEngine}: what applications hold. Closing
 * it does nothing (the {@link Cache#close()} default): the engine belongs to its {@code Caches}.
 */
final class CacheHandle implements Cache {
  private final CacheEngine engine;
  private final int version;
  private volatile AsyncCache async;

  CacheHandle(CacheEngine engine, int version) {
    this.engine = engine;
    this.version = version;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(String key, T defaultValue) {
    return (T) engine.get(key, defaultValue, version);
  }

  @Override
  public <T> T get(String key, Class<T> type) {
    return typed(
        engine.settings().alias(), key, engine.convert(engine.get(key, null, version), type), type);
  }

  /** {@code value} as a {@code type}, Spring's way: see {@link Cache#get(String, Class)}. */
  static <T> T typed(String alias, String key, Object value, Class<T> type) {
    if (value == null || type == null) {
      @SuppressWarnings("unchecked")
      T unchecked = (T) value;
      return unchecked;
    }
    Class<?> boxed = MethodType.methodType(type).wrap().returnType();
    if (!boxed.isInstance(value)) {
      throw new IllegalStateException(
          "Cache '"
              + alias
              + "': the value of key '"
              + key
              + "' is a "
              + value.getClass().getName()
              + ", not the required "
              + type.getName());
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return typed;
  }

  @Override
  public void set(String key, Object value, Timeout timeout) {
    engine.set(key, value, timeout, version);
  }

  @Override
  public boolean add(String key, Object value, Timeout timeout) {
    return engine.add(key, value, timeout, version);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getOrSet(String key, Supplier<? extends T> supplier, Timeout timeout) {
    return (T) engine.getOrSet(key, supplier, timeout, version);
  }

  @Override
  public boolean touch(String key, Timeout timeout) {
    return engine.touch(key, timeout, version);
  }

  @Override
  public boolean delete(String key) {
    return engine.delete(key, version);
  }

  @Override
  public boolean hasKey(String key) {
    return engine.hasKey(key, version);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Map<String, T> getMany(Collection<String> keys) {
    return (Map<String, T>) engine.getMany(keys, version);
  }

  @Override
  public List<String> setMany(Map<String, ?> values, Timeout timeout) {
    return engine.setMany(values, timeout, version);
  }

  @Override
  public void deleteMany(Collection<String> keys) {
    engine.deleteMany(keys, version);
  }

  @Override
  public long incr(String key, long delta) {
    return engine.incr(key, delta, version);
  }

  @Override
  public void clear() {
    engine.clear();
  }

  @Override
  public int incrVersion(String key, int delta) {
    return engine.incrVersion(key, delta, version);
  }

  @Override
  public Cache withVersion(int version) {
    return version == this.version ? this : new CacheHandle(engine, version);
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public String makeKey(String key) {
    return engine.makeKey(key, version);
  }

  @Override
  public AsyncCache async() {
    AsyncCache face = async;
    if (face == null) {
      face = new AsyncCacheHandle(this, engine, version);
      async = face;
    }
    return face;
  }

  @Override
  public CacheStats stats() {
    return engine.stats();
  }

  @Override
  public CacheSettings settings() {
    return engine.settings();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    T found = engine.unwrap(type, version);
    if (found == null) {
      throw new IllegalArgumentException(
          "Cache '"
              + engine.settings().alias()
              + "' is a "
              + engine.storeTypeName()
              + ", not a "
              + type.getName());
    }
    return found;
  }

  @Override
  public String toString() {
    return "Cache[" + engine.settings().alias() + ", version " + version + "]";
  }
}
