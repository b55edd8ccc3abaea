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
    return unwrap(this, "A cache entry", type);
  }

  /**
   * {@code entry} as {@code type}, for the {@code unwrap} of every entry kind: JSR-107's entries
   * unwrap to themselves only.
   *
   * @throws IllegalArgumentException naming {@code kind} if {@code entry} is not a {@code type}
   */
  static <T> T unwrap(Object entry, String kind, Class<T> type) {
    if (type.isInstance(entry)) {
      return type.cast(entry);
    }
    throw new IllegalArgumentException(kind + " is not a " + type.getName());
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
