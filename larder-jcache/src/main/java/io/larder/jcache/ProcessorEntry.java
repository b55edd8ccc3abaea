package io.larder.jcache;

import java.util.Objects;
import java.util.function.Supplier;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@link javax.cache.processor.EntryProcessor} sees. It records what the processor
 * did; the cache applies only the final outcome, after the processor returns, so a processor that
 * throws changes nothing.
 */
final class ProcessorEntry<K, V> implements MutableEntry<K, V> {
  /** What the cache does with the entry once the processor returns. */
  enum Outcome {
    NONE,
    READ,
    LOADED,
    CREATED,
    UPDATED,
    REMOVED
  }

  private final K key;
  private final V original;
  private final Supplier<V> loader;
  private final Class<V> valueType;
  private V value;
  private Outcome outcome = Outcome.NONE;

  /**
   * @param original the live value, or null when absent
   * @param loader the read-through loader, or null when the cache does not read through
   */
  ProcessorEntry(K key, V original, Supplier<V> loader, Class<V> valueType) {
    this.key = key;
    this.original = original;
    this.value = original;
    this.loader = loader;
    this.valueType = valueType;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (outcome == Outcome.NONE) {
      if (value != null) {
        outcome = Outcome.READ;
      } else if (loader != null) {
        value = loader.get();
        if (value != null) {
          outcome = Outcome.LOADED;
        }
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return value != null;
  }

  /**
   * Removes the entry; the writer hears the delete even when there was nothing to remove, unless
   * this processor created the entry, when nothing happened at all.
   */
  @Override
  public void remove() {
    value = null;
    outcome =
        outcome == Outcome.CREATED || outcome == Outcome.LOADED ? Outcome.NONE : Outcome.REMOVED;
  }

  @Override
  public void setValue(V value) {
    Objects.requireNonNull(value, "value");
    if (valueType != Object.class && !valueType.isInstance(value)) {
      throw new ClassCastException(
          "The cache holds values of " + valueType.getName() + ", not "
              + value.getClass().getName());
    }
    this.value = value;
    outcome = original == null ? Outcome.CREATED : Outcome.UPDATED;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return JCacheEntry.unwrap(this, "A mutable entry", type);
  }

  Outcome outcome() {
    return outcome;
  }

  V original() {
    return original;
  }

  V value() {
    return value;
  }
}
