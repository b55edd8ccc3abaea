package io.larder.jcache;

import io.larder.ObjectKeys;
import java.io.Closeable;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.EventType;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache over one Larder cache. Each key is stored under its {@link ObjectKeys} string form, so a
 * {@code String} key is the key Django's {@code cache.set(key, …)} makes and a Django app reads
 * what this cache stores. The JCache layer keeps what Larder's {@link io.larder.Cache} does not:
 * the key objects it wrote (for the iterator and {@code removeAll()}), each entry's JCache expiry
 * (which the store's own timeout mirrors), and one lock per key that makes every operation, its
 * writer call and its events atomic among this JVM's threads, and on Redis among every JVM's
 * writes too ({@link KeyLocks}). On Redis its changes are also published to the other JVMs'
 * listeners ({@link SharedEvents}).
 *
 * <pre>{@code
 * CacheManager manager = Caching.getCachingProvider().getCacheManager();
 * Cache<String, Book> books = manager.createCache("books",
 *     new MutableConfiguration<String, Book>().setTypes(String.class, Book.class)
 *         .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.TEN_MINUTES)));
 * books.put("isbn:978", book);
 * io.larder.Cache larder = books.unwrap(io.larder.Cache.class);   // Larder's own API
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 *
 * @since 0.1
 */
public final class LarderJCache<K, V> implements Cache<K, V> {
  private static final Logger LOG = Logger.getLogger(LarderJCache.class.getName());
  private static final Object ABSENT = new Object();
  /** The old value of a put that asked only whether there is one: it stands for "some value". */
  private static final Object PRESENT = new Object();
  /** The fewest remembered keys at which {@link #sweepIfGrown()} looks for stale ones. */
  private static final long MIN_SWEEP = 1024;

  private final String name;
  private final LarderJCacheManager manager;
  private final io.larder.Cache larder;
  private final Runnable onClose;
  private final MutableConfiguration<K, V> configuration;
  private final Expiries expiries;
  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;
  private final EntryListeners<K, V> listeners;
  private final JCacheStatistics statistics = new JCacheStatistics();
  private final JCacheConfigurationBean configurationBean;
  private final InstantSource clock;
  private final Map<String, Tracked<K>> tracked = new ConcurrentHashMap<>();
  private final AtomicLong sweepAt = new AtomicLong(MIN_SWEEP);
  private final KeyLocks locks;
  private final SharedEvents shared;
  private volatile boolean closed;

  LarderJCache(
      String name,
      LarderJCacheManager manager,
      io.larder.Cache larder,
      CompleteConfiguration<K, V> configuration,
      Runnable onClose) {
    this.name = name;
    this.manager = manager;
    this.larder = larder;
    this.onClose = onClose;
    this.configuration = new MutableConfiguration<>(configuration);
    this.clock = larder.settings().clock();
    this.locks = new KeyLocks(SharedLocks.of(larder));
    this.shared = SharedEvents.of(larder);
    this.expiries = new Expiries(configuration.getExpiryPolicyFactory().create());
    this.loader =
        configuration.getCacheLoaderFactory() == null
            ? null
            : configuration.getCacheLoaderFactory().create();
    this.writer = writer(configuration);
    this.listeners = new EntryListeners<>(this);
    if (configuration.getCacheEntryListenerConfigurations().iterator().hasNext()) {
      ListenerReach.require(
          name, larder, shared, configuration.getKeyType(), manager.optionsAlias(name));
    }
    for (CacheEntryListenerConfiguration<K, V> listener :
        configuration.getCacheEntryListenerConfigurations()) {
      listeners.register(listener);
    }
    if (!listeners.isEmpty()) {
      hearOtherProcesses();
    }
    this.configurationBean = new JCacheConfigurationBean(this.configuration);
    setStatisticsEnabled(configuration.isStatisticsEnabled());
    setManagementEnabled(configuration.isManagementEnabled());
  }

  // ---- reads

  @Override
  public V get(K key) {
    return onKey(KeyOperation.GET, key, null, null);
  }

  private V getLocked(String id, K key, long now) {
    V value = peek(id, key, now);
    if (value != null) {
      statistics.hits(1);
      accessed(id, key, value, now);
      return value;
    }
    statistics.misses(1);
    if (!configuration.isReadThrough() || loader == null) {
      return null;
    }
    V loaded = load(key);
    if (loaded != null) {
      store(id, key, loaded, null, now);
    }
    return loaded;
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    requireNoNulls(keys, "keys");
    long start = statistics.start();
    Map<K, V> found = new LinkedHashMap<>();
    Set<K> missed = new LinkedHashSet<>();
    for (K key : keys) {
      V value = onKey(KeyOperation.READ, key, null, null);
      if (value == null) {
        missed.add(key);
      } else {
        found.put(key, value);
      }
    }
    statistics.hits(found.size());
    statistics.misses(missed.size());
    if (!missed.isEmpty() && configuration.isReadThrough() && loader != null) {
      loadInto(missed, found);
    }
    statistics.timed(JCacheStatistics.Timed.GET, start);
    return found;
  }

  /** A read without statistics, as {@code getAll} and the iterator count theirs. */
  private V readLocked(String id, K key, long now) {
    V value = peek(id, key, now);
    if (value != null) {
      accessed(id, key, value, now);
    }
    return value;
  }

  private void loadInto(Set<K> missed, Map<K, V> found) {
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(missed);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException(e);
    }
    if (loaded == null) {
      return;
    }
    for (K key : missed) {
      V value = loaded.get(key);
      if (value != null) {
        onKey(KeyOperation.STORE_LOADED, key, value, null);
        found.put(key, value);
      }
    }
  }

  @Override
  public boolean containsKey(K key) {
    return onKey(KeyOperation.CONTAINS, key, null, null) != null;
  }

  @Override
  public void loadAll(
      Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    requireOpen();
    requireNoNulls(keys, "keys");
    CompletionListener done = listener == null ? NO_LISTENER : listener;
    if (loader == null) {
      done.onCompletion();
      return;
    }
    Set<K> copy = new LinkedHashSet<>(keys);
    ForkJoinPool.commonPool()
        .execute(
            () -> {
              try {
                Set<K> wanted = new LinkedHashSet<>();
                for (K key : copy) {
                  if (replaceExistingValues || !containsKey(key)) {
                    wanted.add(key);
                  }
                }
                Map<K, V> loaded = wanted.isEmpty() ? Map.of() : loader.loadAll(wanted);
                if (loaded != null) {
                  for (K key : wanted) {
                    V value = loaded.get(key);
                    if (value != null) {
                      onKey(KeyOperation.PUT_UNWRITTEN, key, value, null);
                    }
                  }
                }
                done.onCompletion();
              } catch (Exception e) {
                done.onException(
                    e instanceof CacheLoaderException ? e : new CacheLoaderException(e));
              }
            });
  }

  private static final CompletionListener NO_LISTENER =
      new CompletionListener() {
        @Override
        public void onCompletion() {}

        @Override
        public void onException(Exception e) {
          LOG.log(Level.WARNING, "loadAll failed", e);
        }
      };

  // ---- writes

  @Override
  public void put(K key, V value) {
    onKey(KeyOperation.PUT, key, value, null);
  }

  @Override
  public V getAndPut(K key, V value) {
    return onKey(KeyOperation.GET_AND_PUT, key, value, null);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    Objects.requireNonNull(map, "map");
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      idOf(entry.getKey());
      requireValue(entry.getValue());
    }
    long start = statistics.start();
    Map<K, V> toStore = new LinkedHashMap<>(map);
    CacheWriterException failure = null;
    if (configuration.isWriteThrough() && writer != null) {
      List<Cache.Entry<? extends K, ? extends V>> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(new JCacheEntry<>(k, v)));
      try {
        writer.writeAll(entries);
      } catch (Exception e) {
        failure = writerFailure(e);
        // The writer leaves in the collection the entries it did not write: those are not cached.
        for (Cache.Entry<? extends K, ? extends V> unwritten : entries) {
          toStore.remove(unwritten.getKey());
        }
      }
    }
    toStore.forEach((key, value) -> onKey(KeyOperation.PUT_UNWRITTEN, key, value, null));
    statistics.timed(JCacheStatistics.Timed.PUT, start);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    return onKey(KeyOperation.PUT_IF_ABSENT, key, value, null) != null;
  }

  private boolean putIfAbsentLocked(String id, K key, V value, long now) {
    if (present(id, key, now)) {
      statistics.hits(1);
      return false;
    }
    statistics.misses(1);
    writeAndStore(id, key, value, null, now);
    return true;
  }

  @Override
  public boolean remove(K key) {
    return onKey(KeyOperation.REMOVE, key, null, null) != null;
  }

  private boolean removeLocked(String id, K key, long now) {
    V old = peek(id, key, now);
    delete(key);
    if (old == null) {
      return false;
    }
    unstore(id, key, old);
    statistics.removals(1);
    return true;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    return onKey(KeyOperation.REMOVE_IF_EQUAL, key, oldValue, null) != null;
  }

  private boolean removeIfEqualLocked(String id, K key, V expected, long now) {
    V old = equalValue(id, key, expected, now);
    if (old == null) {
      return false;
    }
    delete(key);
    unstore(id, key, old);
    statistics.removals(1);
    return true;
  }

  @Override
  public V getAndRemove(K key) {
    return onKey(KeyOperation.GET_AND_REMOVE, key, null, null);
  }

  private V getAndRemoveLocked(String id, K key, long now) {
    V old = peek(id, key, now);
    delete(key);
    countRead(old);
    if (old != null) {
      unstore(id, key, old);
      statistics.removals(1);
    }
    return old;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    return onKey(KeyOperation.REPLACE_IF_EQUAL, key, oldValue, newValue) != null;
  }

  private boolean replaceIfEqualLocked(String id, K key, V expected, V value, long now) {
    V old = equalValue(id, key, expected, now);
    if (old == null) {
      return false;
    }
    writeAndStore(id, key, value, old, now);
    return true;
  }

  /**
   * The value of {@code id} if it equals {@code expected}, else null: a hit or a miss, and a value
   * that differs is an access.
   */
  private V equalValue(String id, K key, V expected, long now) {
    V old = peek(id, key, now);
    countRead(old);
    if (old == null || old.equals(expected)) {
      return old;
    }
    accessed(id, key, old, now);
    return null;
  }

  @Override
  public boolean replace(K key, V value) {
    return getAndReplace(key, value) != null;
  }

  @Override
  public V getAndReplace(K key, V value) {
    return onKey(KeyOperation.GET_AND_REPLACE, key, value, null);
  }

  private V getAndReplaceLocked(String id, K key, V value, long now) {
    V old = peek(id, key, now);
    countRead(old);
    if (old == null) {
      return null;
    }
    writeAndStore(id, key, value, old, now);
    return old;
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    requireNoNulls(keys, "keys");
    removeAll(keys, true);
  }

  @Override
  public void removeAll() {
    requireOpen();
    List<K> keys = new ArrayList<>();
    tracked.values().forEach(t -> keys.add(t.key()));
    removeAll(keys, false);
  }

  private void removeAll(Collection<? extends K> keys, boolean deleteAbsent) {
    long start = statistics.start();
    Map<String, K> ids = new LinkedHashMap<>();
    for (K key : keys) {
      ids.put(idOf(key), key);
    }
    Set<K> toRemove = new LinkedHashSet<>(ids.values());
    CacheWriterException failure = null;
    List<Object> unwritten = new ArrayList<>();
    if (configuration.isWriteThrough() && writer != null) {
      for (K key : toRemove) {
        if (deleteAbsent || containsKey(key)) {
          unwritten.add(key);
        }
      }
    }
    if (!unwritten.isEmpty()) {
      try {
        writer.deleteAll(unwritten);
      } catch (Exception e) {
        failure = writerFailure(e);
        toRemove.removeAll(unwritten);
      }
    }
    for (K key : toRemove) {
      onKey(KeyOperation.REMOVE_UNWRITTEN, key, null, null);
    }
    statistics.timed(JCacheStatistics.Timed.REMOVE, start);
    if (failure != null) {
      throw failure;
    }
  }

  private Object removeUnwrittenLocked(String id, K key, long now) {
    V old = peek(id, key, now);
    if (old != null) {
      unstore(id, key, old);
      statistics.removals(1);
    }
    return null;
  }


  /**
   * Removes every entry without the writer or listeners, as JSR-107 defines: through Larder's
   * {@code clear}, so what else shares the store goes too (see {@link io.larder.Cache#clear()}).
   */
  @Override
  public void clear() {
    requireOpen();
    try {
      larder.clear();
    } catch (io.larder.CacheException e) {
      throw new CacheException(e.getMessage(), e);
    }
    tracked.clear();
  }


  // ---- the frame of every operation on one key

  /**
   * The operations on one key that {@link #onKey} runs: whether each writes (and so also takes the
   * store's shared lock), how many values it is given, and which time statistic it adds to.
   */
  private enum KeyOperation {
    GET(false, 0, JCacheStatistics.Timed.GET),
    READ(false, 0, JCacheStatistics.Timed.NONE),
    CONTAINS(false, 0, JCacheStatistics.Timed.NONE),
    PUT(true, 1, JCacheStatistics.Timed.PUT),
    GET_AND_PUT(true, 1, JCacheStatistics.Timed.GET_AND_PUT),
    PUT_IF_ABSENT(true, 1, JCacheStatistics.Timed.PUT),
    REMOVE(true, 0, JCacheStatistics.Timed.REMOVE),
    REMOVE_IF_EQUAL(true, 1, JCacheStatistics.Timed.REMOVE),
    GET_AND_REMOVE(true, 0, JCacheStatistics.Timed.GET_AND_REMOVE),
    REPLACE_IF_EQUAL(true, 2, JCacheStatistics.Timed.PUT),
    GET_AND_REPLACE(true, 1, JCacheStatistics.Timed.PUT),
    /** A loaded value: stored without the writer, not counted as a put. */
    STORE_LOADED(false, 0, JCacheStatistics.Timed.NONE),
    /** A put whose writer call is made, or the value loaded, by the caller. */
    PUT_UNWRITTEN(true, 0, JCacheStatistics.Timed.NONE),
    /** A removal whose writer call is made by the caller. */
    REMOVE_UNWRITTEN(true, 0, JCacheStatistics.Timed.NONE);

    final boolean writes;
    final int values;
    final JCacheStatistics.Timed timed;

    KeyOperation(boolean writes, int values, JCacheStatistics.Timed timed) {
      this.writes = writes;
      this.values = values;
      this.timed = timed;
    }
  }

  /**
   * Runs {@code operation} on {@code key}: the checks JSR-107 asks for (open, a key and values of
   * the configured types), then the operation under the key's locks, timed. A {@code boolean}
   * answer comes back as {@link Boolean#TRUE} or null.
   */
  @SuppressWarnings("unchecked")
  private <T> T onKey(KeyOperation operation, K key, V value, V other) {
    requireOpen();
    String id = idOf(key);
    if (operation.values > 0) {
      requireValue(value);
      if (operation.values > 1) {
        requireValue(other);
      }
    }
    long start = statistics.start();
    ReentrantLock lock = locks.local(id);
    lock.lock();
    Object result;
    try {
      SharedLocks.Held shared = operation.writes ? locks.shared(id) : null;
      try {
        result = run(operation, id, key, value, other, clock.millis());
      } finally {
        if (shared != null) {
          shared.close();
        }
      }
    } finally {
      lock.unlock();
    }
    statistics.timed(operation.timed, start);
    return (T) result;
  }

  private Object run(KeyOperation operation, String id, K key, V value, V other, long now) {
    return switch (operation) {
      case GET -> getLocked(id, key, now);
      case READ -> readLocked(id, key, now);
      case CONTAINS -> peek(id, key, now) != null ? Boolean.TRUE : null;
      case PUT -> {
        put(id, key, value, true, false, now);
        yield null;
      }
      case GET_AND_PUT -> {
        V previous = put(id, key, value, true, true, now);
        countRead(previous);
        yield previous;
      }
      case PUT_IF_ABSENT -> putIfAbsentLocked(id, key, value, now) ? Boolean.TRUE : null;
      case REMOVE -> removeLocked(id, key, now) ? Boolean.TRUE : null;
      case REMOVE_IF_EQUAL -> removeIfEqualLocked(id, key, value, now) ? Boolean.TRUE : null;
      case GET_AND_REMOVE -> getAndRemoveLocked(id, key, now);
      case REPLACE_IF_EQUAL ->
          replaceIfEqualLocked(id, key, value, other, now) ? Boolean.TRUE : null;
      case GET_AND_REPLACE -> getAndReplaceLocked(id, key, value, now);
      case STORE_LOADED -> {
        store(id, key, value, null, now);
        yield null;
      }
      case PUT_UNWRITTEN -> {
        put(id, key, value, false, false, now);
        yield null;
      }
      case REMOVE_UNWRITTEN -> removeUnwrittenLocked(id, key, now);
    };
  }

  // ---- entry processors

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    String id = idOf(key);
    Objects.requireNonNull(processor, "processor");
    return locks.writing(id, () -> invokeLocked(id, key, processor, arguments));
  }

  private <T> T invokeLocked(
      String id, K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    long now = clock.millis();
    ProcessorEntry<K, V> entry =
        new ProcessorEntry<>(
            key,
            peek(id, key, now),
            configuration.isReadThrough() && loader != null ? () -> load(key) : null,
            configuration.getValueType());
    T result;
    try {
      result = processor.process(entry, arguments);
    } catch (EntryProcessorException e) {
      throw e;
    } catch (Exception e) {
      throw new EntryProcessorException(e);
    }
    V original = entry.original();
    // The lookup is the hit or miss, whatever the processor does with the entry.
    countRead(original);
    switch (entry.outcome()) {
      case NONE -> {}
      case READ -> accessed(id, key, original, now);
      case LOADED -> {
        if (store(id, key, entry.value(), null, now)) {
          statistics.puts(1);
        }
      }
      case CREATED, UPDATED -> {
        writeAndStore(id, key, entry.value(), original, now);
      }
      case REMOVED -> {
        delete(key);
        if (original != null) {
          unstore(id, key, original);
          statistics.removals(1);
        }
      }
    }
    return result;
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    requireNoNulls(keys, "keys");
    Objects.requireNonNull(processor, "processor");
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (EntryProcessorException e) {
        results.put(
            key,
            () -> {
              throw e;
            });
      } catch (RuntimeException e) {
        EntryProcessorException wrapped = new EntryProcessorException(e);
        results.put(
            key,
            () -> {
              throw wrapped;
            });
      }
    }
    return results;
  }

  // ---- listeners, configuration, lifecycle

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
    requireOpen();
    Objects.requireNonNull(listener, "cacheEntryListenerConfiguration");
    ListenerReach.require(
        name, larder, shared, configuration.getKeyType(), manager.optionsAlias(name));
    listeners.register(listener);
    configuration.addCacheEntryListenerConfiguration(listener);
    hearOtherProcesses();
  }

  /**
   * On a store shared by several processes (Redis), subscribes this cache to the others' entry
   * events, once it has listeners. Another process's event names the stored key: this cache
   * delivers it where that is the key itself ({@code String} or {@code Object} keys), with the
   * value read from the store as it arrives (null if the entry is gone again) and no old value.
   */
  private void hearOtherProcesses() {
    Class<K> keyType = configuration.getKeyType();
    if (shared != null && (keyType == String.class || keyType == Object.class)) {
      shared.listen((type, id) -> listeners.inOrder(() -> heard(type, id)));
    }
  }

  @SuppressWarnings("unchecked")
  private void heard(EventType type, String id) {
    if (closed) {
      return;
    }
    K key = (K) id;
    if (type == EventType.REMOVED) {
      tracked.remove(id);
      listeners.heard(type, key, null);
      return;
    }
    // The value is the store's as the event arrives: null if the entry is already gone again.
    Object stored = read(id);
    V value = stored == ABSENT ? null : (V) stored;
    if (value != null) {
      tracked.putIfAbsent(id, new Tracked<>(key, Tracked.UNKNOWN));
    }
    listeners.heard(type, key, value);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
    requireOpen();
    Objects.requireNonNull(listener, "cacheEntryListenerConfiguration");
    listeners.deregister(listener);
    configuration.removeCacheEntryListenerConfiguration(listener);
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
    if (type.isInstance(configuration)) {
      return type.cast(configuration);
    }
    throw new IllegalArgumentException(
        "The configuration of cache '" + name + "' is a " + configuration.getClass().getName()
            + ", not a " + type.getName());
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes this cache: its MXBeans are unregistered, and its loader, writer, expiry policy and
   * listeners closed where they are {@link Closeable}. The entries stay in the store; {@link
   * CacheManager#destroyCache(String)} removes them. A created cache's local-memory store, which
   * nothing reaches once the cache is closed, is released with its entries.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    manager.forget(this);
    MBeans.unregister("CacheConfiguration", manager.getURI().toString(), name);
    MBeans.unregister("CacheStatistics", manager.getURI().toString(), name);
    closeQuietly(loader);
    closeQuietly(writer);
    closeQuietly(expiries.policy());
    if (shared != null) {
      shared.close();
    }
    listeners.close();
    onClose.run();
  }

  /**
   * This cache as {@code type}: {@link LarderJCache}, or the Larder {@link io.larder.Cache} it is
   * built on, for Larder's own operations ({@code incr}, {@code withVersion}, {@code async()}).
   *
   * @throws IllegalArgumentException for any other type
   */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(larder)) {
      return type.cast(larder);
    }
    throw new IllegalArgumentException(
        "The cache '" + name + "' is a LarderJCache over an io.larder.Cache, not a "
            + type.getName());
  }

  /**
   * The entries this cache wrote and still holds, read as {@code get} reads them (a hit each, with
   * the access expiry). Entries another process or a Django app wrote are in the store but not
   * iterated: Larder's stores, like Django's, do not list their keys.
   */
  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    requireOpen();
    Iterator<Map.Entry<String, Tracked<K>>> ids = new ArrayList<>(tracked.entrySet()).iterator();
    return new Iterator<>() {
      private Cache.Entry<K, V> next;
      private K last;

      @Override
      public boolean hasNext() {
        while (next == null && ids.hasNext()) {
          Map.Entry<String, Tracked<K>> candidate = ids.next();
          K key = candidate.getValue().key();
          V value = onKey(KeyOperation.READ, key, null, null);
          if (value != null) {
            next = new JCacheEntry<>(key, value);
          }
        }
        return next != null;
      }

      @Override
      public Cache.Entry<K, V> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Cache.Entry<K, V> entry = next;
        next = null;
        last = entry.getKey();
        statistics.hits(1);
        return entry;
      }

      @Override
      public void remove() {
        if (last == null) {
          throw new IllegalStateException("next() was not called, or remove() was already");
        }
        LarderJCache.this.remove(last);
        last = null;
      }
    };
  }

  // ---- management, for the manager

  void setStatisticsEnabled(boolean enabled) {
    configuration.setStatisticsEnabled(enabled);
    statistics.enable(enabled);
    if (enabled) {
      MBeans.register(statistics, "CacheStatistics", manager.getURI().toString(), name);
    } else {
      MBeans.unregister("CacheStatistics", manager.getURI().toString(), name);
    }
  }

  void setManagementEnabled(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    if (enabled) {
      MBeans.register(configurationBean, "CacheConfiguration", manager.getURI().toString(), name);
    } else {
      MBeans.unregister("CacheConfiguration", manager.getURI().toString(), name);
    }
  }

  // ---- the entry primitives, each called under the key's lock

  /**
   * The live value of {@code id}, or null. An entry past its JCache expiry is removed from the
   * store here and its listeners hear it expire.
   */
  @SuppressWarnings("unchecked")
  private V peek(String id, K key, long now) {
    Object stored = read(id);
    Tracked<K> entry = tracked.get(id);
    if (entry != null && entry.isExpiredAt(now)) {
      tracked.remove(id);
      deleteFromStore(id);
      if (stored != ABSENT && stored != null) {
        listeners.expired(entry.key(), (V) stored);
      }
      return null;
    }
    if (stored == ABSENT || stored == null) {
      if (entry != null) {
        tracked.remove(id);
      }
      return null;
    }
    return (V) stored;
  }

  /**
   * Writes {@code value}, expiring as the policy says for a created entry (when {@code old} is
   * null) or an updated one, and tells the listeners. A zero expiry stores nothing: a new entry is
   * then never created, an updated one expires.
   *
   * @return true if the value was stored (a put to count)
   */
  private boolean store(String id, K key, V value, V old, long now) {
    long expiresAt;
    if (old == null) {
      expiresAt = expiries.forCreation(now);
    } else {
      Long update = expiries.forUpdate(now);
      Tracked<K> current = tracked.get(id);
      expiresAt = update != null ? update : current == null ? Tracked.UNKNOWN : current.expiresAtMillis();
    }
    if (expiresAt != Tracked.UNKNOWN && expiresAt <= now) {
      tracked.remove(id);
      deleteFromStore(id);
      if (old != null && old != PRESENT) {
        listeners.expired(key, old);
      }
      return false;
    }
    try {
      larder.set(id, value, Expiries.timeout(now, expiresAt));
    } catch (io.larder.CacheException e) {
      throw new CacheException(
          "Cache '" + name + "' could not store the value of " + key + ": " + e.getMessage(), e);
    }
    tracked.put(id, new Tracked<>(key, expiresAt));
    sweepIfGrown();
    if (shared != null) {
      shared.publish(old == null ? EventType.CREATED : EventType.UPDATED, id);
    }
    if (old == null) {
      listeners.created(key, value);
    } else {
      listeners.updated(key, value, old == PRESENT ? null : old);
    }
    return true;
  }

  /**
   * {@link #store} after the writer, for {@code put}: counts the put if the value was stored, and
   * returns the old value if {@code returnsOld}. Without that or a listener to hear the old value,
   * only whether there is one is asked, which spares reading (and copying) it.
   */
  @SuppressWarnings("unchecked")
  private V put(String id, K key, V value, boolean writeThrough, boolean returnsOld, long now) {
    V old;
    if (returnsOld || !listeners.isEmpty()) {
      old = peek(id, key, now);
    } else {
      old = present(id, key, now) ? (V) PRESENT : null;
    }
    if (writeThrough) {
      write(key, value);
    }
    if (store(id, key, value, old, now)) {
      statistics.puts(1);
    }
    return old == PRESENT ? null : old;
  }

  /** The writer, then {@link #store}, counting the put if the value was stored. */
  private void writeAndStore(String id, K key, V value, V old, long now) {
    write(key, value);
    if (store(id, key, value, old, now)) {
      statistics.puts(1);
    }
  }

  /**
   * True if {@code id} holds a live entry. With listeners this is {@link #peek}, as they hear an
   * expired entry with its value; without, the store is asked whether it has the key, which reads
   * no value (so an entry a Django app stored as {@code None} counts as present here).
   */
  private boolean present(String id, K key, long now) {
    if (!listeners.isEmpty()) {
      return peek(id, key, now) != null;
    }
    Tracked<K> entry = tracked.get(id);
    if (entry != null && entry.isExpiredAt(now)) {
      tracked.remove(id);
      deleteFromStore(id);
      return false;
    }
    boolean stored;
    try {
      stored = larder.hasKey(id);
    } catch (io.larder.CacheException e) {
      throw new CacheException(
          "Cache '" + name + "' could not read " + id + ": " + e.getMessage(), e);
    }
    if (!stored && entry != null) {
      tracked.remove(id);
    }
    return stored;
  }

  /**
   * Forgets the remembered keys whose entries are gone without this cache seeing it (evicted by a
   * bounded store, expired and never read again, removed by another process), once the keys have
   * doubled since the last look, so they stay within twice the live entries at an amortized cost
   * of one {@code hasKey} per write. A key written meanwhile has a new {@link Tracked}, which the
   * conditional removal leaves alone.
   */
  private void sweepIfGrown() {
    long limit = sweepAt.get();
    if (tracked.size() < limit || !sweepAt.compareAndSet(limit, Long.MAX_VALUE)) {
      return;
    }
    try {
      long now = clock.millis();
      for (Map.Entry<String, Tracked<K>> entry : tracked.entrySet()) {
        Tracked<K> remembered = entry.getValue();
        if (remembered.isExpiredAt(now) || !larder.hasKey(entry.getKey())) {
          tracked.remove(entry.getKey(), remembered);
        }
      }
    } finally {
      sweepAt.set(Math.max(MIN_SWEEP, 2L * tracked.size()));
    }
  }

  /** How many keys this cache remembers: for tests of {@link #sweepIfGrown()}. */
  int rememberedKeys() {
    return tracked.size();
  }

  private void unstore(String id, K key, V old) {
    tracked.remove(id);
    deleteFromStore(id);
    if (shared != null) {
      shared.publish(EventType.REMOVED, id);
    }
    listeners.removed(key, old);
  }

  /** Applies the access expiry to an entry that was read. */
  private void accessed(String id, K key, V value, long now) {
    Long expiresAt = expiries.forAccess(now);
    if (expiresAt == null) {
      return;
    }
    if (expiresAt <= now) {
      tracked.remove(id);
      deleteFromStore(id);
      listeners.expired(key, value);
      return;
    }
    try {
      larder.touch(id, Expiries.timeout(now, expiresAt));
    } catch (io.larder.CacheException e) {
      throw new CacheException(e.getMessage(), e);
    }
    tracked.put(id, new Tracked<>(key, expiresAt));
  }

  private Object read(String id) {
    try {
      return IntegerValues.as(configuration.getValueType(), larder.get(id, ABSENT));
    } catch (io.larder.CacheException e) {
      throw new CacheException(
          "Cache '" + name + "' could not read " + id + ": " + e.getMessage(), e);
    }
  }

  private void deleteFromStore(String id) {
    try {
      larder.delete(id);
    } catch (io.larder.CacheException e) {
      throw new CacheException(e.getMessage(), e);
    }
  }

  private void countRead(V value) {
    if (value == null) {
      statistics.misses(1);
    } else {
      statistics.hits(1);
    }
  }

  private V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException(e);
    }
  }

  private void write(K key, V value) {
    if (!configuration.isWriteThrough() || writer == null) {
      return;
    }
    try {
      writer.write(new JCacheEntry<>(key, value));
    } catch (Exception e) {
      throw writerFailure(e);
    }
  }

  private void delete(K key) {
    if (!configuration.isWriteThrough() || writer == null) {
      return;
    }
    try {
      writer.delete(key);
    } catch (Exception e) {
      throw writerFailure(e);
    }
  }

  private static CacheWriterException writerFailure(Exception e) {
    return e instanceof CacheWriterException w ? w : new CacheWriterException(e);
  }

  /** The writer takes supertypes of K and V; it is called with K and V only. */
  @SuppressWarnings("unchecked")
  private static <K, V> CacheWriter<K, V> writer(CompleteConfiguration<K, V> configuration) {
    return configuration.getCacheWriterFactory() == null
        ? null
        : (CacheWriter<K, V>) configuration.getCacheWriterFactory().create();
  }

  // ---- arguments

  /** The key's stored form, after JSR-107's checks: not null, of the configured key type. */
  private String idOf(K key) {
    Objects.requireNonNull(key, "key");
    Class<K> type = configuration.getKeyType();
    if (type != Object.class && !type.isInstance(key)) {
      throw new ClassCastException(
          "Cache '" + name + "' holds keys of " + type.getName() + ", not "
              + key.getClass().getName());
    }
    return JCacheKeys.of(key);
  }

  private void requireValue(V value) {
    Objects.requireNonNull(value, "value");
    Class<V> type = configuration.getValueType();
    if (type != Object.class && !type.isInstance(value)) {
      throw new ClassCastException(
          "Cache '" + name + "' holds values of " + type.getName() + ", not "
              + value.getClass().getName());
    }
  }

  private static void requireNoNulls(Collection<?> keys, String argument) {
    Objects.requireNonNull(keys, argument);
    for (Object key : keys) {
      Objects.requireNonNull(key, "a key of " + argument);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Closing a cache's " + resource.getClass().getName() + " failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "LarderJCache[" + name + " on " + larder.settings().alias() + "]";
  }
}
