package io.larder.jcache;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * A created, updated, removed or expired entry. As JSR-107 1.1 defines, a removed or expired
 * entry's {@link #getValue()} is its old value.
 */
final class JCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {
  private static final long serialVersionUID = 1L;

  private final K key;
  private final transient V value;
  private final transient V oldValue;

  JCacheEntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue) {
    super(source, type);
    this.key = key;
    this.oldValue = oldValue;
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  /** The new value; for a removed or expired entry, the old one. */
  @Override
  public V getValue() {
    EventType type = getEventType();
    return type == EventType.REMOVED || type == EventType.EXPIRED ? oldValue : value;
  }

  @Override
  public V getOldValue() {
    return oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValue != null;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return JCacheEntry.unwrap(this, "A cache entry event", type);
  }
}
