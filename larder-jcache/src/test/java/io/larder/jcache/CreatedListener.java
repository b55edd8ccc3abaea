package io.larder.jcache;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;

/** A listener of created entries that keeps their keys, for the tests of listener delivery. */
public class CreatedListener<K, V> implements CacheEntryCreatedListener<K, V>, Serializable {
  private static final long serialVersionUID = 1L;

  /** The keys heard, in order. */
  public final List<K> created = new ArrayList<>();


  @Override
  public synchronized void onCreated(Iterable<CacheEntryEvent<? extends K, ? extends V>> events) {
    events.forEach(event -> created.add(event.getKey()));
  }

  /** A synchronous configuration of {@code listener}. */
  static <K, V> CacheEntryListenerConfiguration<K, V> of(CreatedListener<K, V> listener) {
    return new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(listener), null, false, true);
  }
}
