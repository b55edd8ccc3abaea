package io.larder.jcache;

import javax.cache.Cache;

/**
 * One entry of a {@link LarderJCache}, as its iterator and {@code invokeAll} hand it out.
 *
 * @since 0.1
 */
public final class JCacheEntry<K, V> implements Cache.Entry<K, V> {
  private final K key;
  private final V value;

  JCacheEntry(K key, V value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("A cache entry is not a " + type.getName());
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
