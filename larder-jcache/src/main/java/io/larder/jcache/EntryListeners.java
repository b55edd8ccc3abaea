package io.larder.jcache;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * The entry listeners of one cache and their delivery. A synchronous listener runs on the thread
 * that changed the entry, before the operation returns, and its exception reaches that caller as a
 * {@link CacheEntryListenerException}. Asynchronous listeners run on the common pool, one event at
 * a time in the order the cache published them, so each key's events arrive in order; their
 * exceptions are logged.
 */
final class EntryListeners<K, V> {
  private static final Logger LOG = Logger.getLogger(EntryListeners.class.getName());

  private final Cache<K, V> source;
  private final List<Registration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private final OrderedDelivery async = new OrderedDelivery(ForkJoinPool.commonPool());

  EntryListeners(Cache<K, V> source) {
    this.source = source;
  }

  /**
   * Adds a listener.
   *
   * @throws IllegalArgumentException if this configuration is already registered
   */
  void register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (Registration<K, V> registration : registrations) {
      if (registration.configuration.equals(configuration)) {
        throw new IllegalArgumentException(
            "This cache entry listener configuration is already registered");
      }
    }
    registrations.add(new Registration<>(configuration));
  }

  void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    registrations.removeIf(registration -> registration.configuration.equals(configuration));
  }

  boolean isEmpty() {
    return registrations.isEmpty();
  }

  void created(K key, V value) {
    publish(EventType.CREATED, key, value, null);
  }

  void updated(K key, V value, V oldValue) {
    publish(EventType.UPDATED, key, value, oldValue);
  }

  void removed(K key, V oldValue) {
    publish(EventType.REMOVED, key, null, oldValue);
  }

  void expired(K key, V oldValue) {
    publish(EventType.EXPIRED, key, null, oldValue);
  }

  /**
   * Runs {@code task} on the asynchronous listeners' worker, after the events already published:
   * how another process's event (see {@link SharedEvents}) reaches this cache's listeners, off the
   * transport's thread that heard it.
   */
  void inOrder(Runnable task) {
    async.submit(task);
  }

  /**
   * Delivers an event another process's cache made, from {@link #inOrder}: to every listener, as
   * it happened on no thread of this JVM; it has no old value.
   */
  void heard(EventType type, K key, V value) {
    JCacheEntryEvent<K, V> event = new JCacheEntryEvent<>(source, type, key, value, null);
    for (Registration<K, V> registration : registrations) {
      if (registration.hears(type)) {
        try {
          registration.deliver(event);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A cache entry listener failed", e);
        }
      }
    }
  }

  private void publish(EventType type, K key, V value, V oldValue) {
    if (registrations.isEmpty()) {
      return;
    }
    JCacheEntryEvent<K, V> event = new JCacheEntryEvent<>(source, type, key, value, oldValue);
    CacheEntryListenerException failure = null;
    for (Registration<K, V> registration : registrations) {
      if (!registration.hears(type)) {
        continue;
      }
      if (registration.configuration.isSynchronous()) {
        try {
          registration.deliver(event);
        } catch (CacheEntryListenerException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = new CacheEntryListenerException(e);
        }
      } else {
        async.submit(
            () -> {
              try {
                registration.deliver(event);
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An asynchronous cache entry listener failed", e);
              }
            });
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the listeners and filters that are {@link AutoCloseable}, as the cache closes. */
  void close() {
    for (Registration<K, V> registration : registrations) {
      closeQuietly(registration.listener);
      closeQuietly(registration.filter);
    }
    registrations.clear();
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Closing a cache entry listener failed", e);
      }
    }
  }

  private static final class Registration<K, V> {
    final CacheEntryListenerConfiguration<K, V> configuration;
    final CacheEntryListener<? super K, ? super V> listener;
    final CacheEntryEventFilter<? super K, ? super V> filter;

    Registration(CacheEntryListenerConfiguration<K, V> configuration) {
      this.configuration = configuration;
      this.listener = configuration.getCacheEntryListenerFactory().create();
      Factory<CacheEntryEventFilter<? super K, ? super V>> filters =
          configuration.getCacheEntryEventFilterFactory();
      this.filter = filters == null ? null : filters.create();
    }

    boolean hears(EventType type) {
      return switch (type) {
        case CREATED -> listener instanceof CacheEntryCreatedListener;
        case UPDATED -> listener instanceof CacheEntryUpdatedListener;
        case REMOVED -> listener instanceof CacheEntryRemovedListener;
        case EXPIRED -> listener instanceof CacheEntryExpiredListener;
      };
    }

    @SuppressWarnings("unchecked")
    void deliver(JCacheEntryEvent<K, V> event) {
      if (filter != null && !filter.evaluate(event)) {
        return;
      }
      Iterable<CacheEntryEvent<? extends K, ? extends V>> events = List.of(event);
      switch (event.getEventType()) {
        case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(events);
        case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(events);
        case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(events);
        case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(events);
      }
    }
  }

  /** Runs tasks one at a time, in submission order, on a shared executor. */
  private static final class OrderedDelivery {
    private final Executor executor;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    OrderedDelivery(Executor executor) {
      this.executor = executor;
    }

    void submit(Runnable task) {
      synchronized (queue) {
        queue.add(task);
        if (running) {
          return;
        }
        running = true;
      }
      executor.execute(this::drain);
    }

    private void drain() {
      while (true) {
        Runnable task;
        synchronized (queue) {
          task = queue.poll();
          if (task == null) {
            running = false;
            return;
          }
        }
        task.run();
      }
    }
  }
}
