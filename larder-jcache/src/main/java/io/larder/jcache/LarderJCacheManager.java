package io.larder.jcache;

import io.larder.CacheSettings;
import io.larder.Caches;
import io.larder.locmem.LocMemStore;
import io.larder.spi.CommonOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The JCache caches of one Larder configuration.
 *
 * <ul>
 *   <li>{@code getCache(alias)} returns a cache of the configuration by its alias ({@code
 *       default}, {@code sessions}, …): {@code Object} keys and values, Larder's configured
 *       {@code timeout} as its expiry. It joins {@link #getCacheNames()} once it is asked for.
 *   <li>{@code createCache(name, configuration)} makes a new cache on the backend of the template
 *       alias: the manager property {@value #TEMPLATE_PROPERTY}, {@code default} if unset. The new
 *       cache has the template's settings, with its own store: {@code key_prefix} is the name (or
 *       {@code <template prefix>:<name>}), and on local memory a store of its own, released with
 *       its entries as the cache closes. On the {@code java} serializer its allow-list adds what
 *       Hibernate's second-level cache stores: Hibernate's cache entry packages, and the package
 *       of the JPA entity the cache is named after.
 * </ul>
 *
 * <pre>{@code
 * Properties properties = new Properties();
 * properties.setProperty("larder.jcache.template", "shared");   // an alias of larder.yml
 * CacheManager manager = Caching.getCachingProvider()
 *     .getCacheManager(URI.create("classpath:larder.yml"), null, properties);
 * Cache<Object, Object> sessions = manager.getCache("sessions");  // configured
 * Cache<Long, String> names = manager.createCache("names",
 *     new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));
 * }</pre>
 *
 * @since 0.1
 */
public final class LarderJCacheManager implements CacheManager {
  /** The manager property naming the alias that created caches copy. */
  public static final String TEMPLATE_PROPERTY = "larder.jcache.template";

  private static final AtomicLong MANAGERS = new AtomicLong();

  private final LarderCachingProvider provider;
  private final URI uri;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final Caches configured;
  private final String template;
  private final String storeName;
  private final Map<String, LarderJCache<?, ?>> caches = new ConcurrentHashMap<>();
  private volatile boolean closed;

  LarderJCacheManager(
      LarderCachingProvider provider,
      URI uri,
      ClassLoader classLoader,
      Properties properties,
      Caches configured) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = classLoader;
    this.properties = properties;
    this.configured = configured;
    this.template = properties.getProperty(TEMPLATE_PROPERTY, Caches.DEFAULT_ALIAS);
    if (!configured.aliases().contains(template)) {
      configured.close();
      throw new CacheException(
          TEMPLATE_PROPERTY + " names the alias '" + template + "', which " + uri
              + " does not configure; its aliases are " + String.join(", ", configured.aliases()));
    }
    this.storeName = "larder-jcache-" + MANAGERS.incrementAndGet();
  }

  /**
   * Makes a cache on the template alias's backend.
   *
   * @throws CacheException if a cache of that name exists, or the name is a configured alias
   * @throws UnsupportedOperationException for store-by-reference on a backend that stores copies,
   *     or an entry listener that would hear only this process's changes of a shared store, unless
   *     the template's {@code jcache_local_listeners} option accepts that
   */
  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(
      String cacheName, C configuration) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(configuration, "configuration");
    synchronized (caches) {
      if (caches.containsKey(cacheName) || configured.aliases().contains(cacheName)) {
        throw new CacheException(
            "A cache named '" + cacheName + "' already exists in " + uri
                + (configured.aliases().contains(cacheName)
                    ? " (it is configured: use getCache)"
                    : ""));
      }
      MutableConfiguration<K, V> complete = complete(configuration);
      if (!complete.isStoreByValue() && !templateKeepsReferences()) {
        throw new UnsupportedOperationException(
            "Cache '" + cacheName + "' asks to store by reference, which the backend of the"
                + " template alias '" + template + "' cannot: it stores copies. Configure the"
                + " cache with setStoreByValue(true), or use a local-memory template");
      }
      Caches own = build(cacheName, complete);
      io.larder.Cache larder = own.get(cacheName);
      boolean ownStore = isLocalMemory(larder);
      Runnable closing =
          () -> {
            own.close();
            // The store's location is this cache's alone: closed, nothing can reach it again.
            if (ownStore) {
              LocMemStore.release(larder.settings().location());
            }
          };
      LarderJCache<K, V> cache;
      try {
        cache = new LarderJCache<>(cacheName, this, larder, complete, closing);
      } catch (RuntimeException e) {
        closing.run();
        throw e;
      }
      caches.put(cacheName, cache);
      return cache;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Cache<K, V> cache = (Cache<K, V>) getCache(cacheName);
    if (cache == null) {
      return null;
    }
    CompleteConfiguration<?, ?> configuration =
        cache.getConfiguration(CompleteConfiguration.class);
    if (!configuration.getKeyType().equals(keyType)
        || !configuration.getValueType().equals(valueType)) {
      throw new ClassCastException(
          "Cache '" + cacheName + "' holds " + configuration.getKeyType().getName() + " → "
              + configuration.getValueType().getName() + ", not " + keyType.getName() + " → "
              + valueType.getName());
    }
    return cache;
  }

  /** The cache created as, or configured with, {@code cacheName}; null if there is none. */
  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    LarderJCache<?, ?> cache = caches.get(cacheName);
    if (cache == null && configured.aliases().contains(cacheName)) {
      synchronized (caches) {
        cache =
            caches.computeIfAbsent(
                cacheName,
                alias -> {
                  io.larder.Cache larder = configured.get(alias);
                  return new LarderJCache<>(
                      alias, this, larder, aliasConfiguration(larder), () -> {});
                });
      }
    }
    return (Cache<K, V>) cache;
  }

  @Override
  public Iterable<String> getCacheNames() {
    requireOpen();
    return List.copyOf(caches.keySet());
  }

  /**
   * Removes every entry of the cache and closes it. A created cache is gone; a configured alias
   * stays in the configuration, and {@code getCache} opens it again, empty.
   */
  @Override
  public void destroyCache(String cacheName) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    LarderJCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.clear();
      cache.close();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    LarderJCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setManagementEnabled(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    LarderJCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setStatisticsEnabled(enabled);
    }
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  /** Closes every cache, then the configuration's Larder caches. Entries stay in their stores. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    provider.forget(this);
    List<LarderJCache<?, ?>> open = new ArrayList<>(caches.values());
    open.forEach(LarderJCache::close);
    configured.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * This manager as {@code type}, or the {@link Caches} of its configuration.
   *
   * @throws IllegalArgumentException for any other type
   */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(configured)) {
      return type.cast(configured);
    }
    throw new IllegalArgumentException(
        "A Larder cache manager is a LarderJCacheManager over Caches, not a " + type.getName());
  }

  /** True if caches this manager creates can store by reference: the template is local memory. */
  boolean templateKeepsReferences() {
    return isLocalMemory(configured.get(template));
  }

  /** The alias whose options a cache has: its own if it is configured, else the template. */
  String optionsAlias(String cacheName) {
    return configured.aliases().contains(cacheName) ? cacheName : template;
  }

  /** Called by a cache as it closes. */
  void forget(LarderJCache<?, ?> cache) {
    caches.remove(cache.getName(), cache);
  }

  private static <K, V> MutableConfiguration<K, V> complete(Configuration<K, V> configuration) {
    if (configuration instanceof CompleteConfiguration<K, V> complete) {
      return new MutableConfiguration<>(complete);
    }
    return new MutableConfiguration<K, V>()
        .setTypes(configuration.getKeyType(), configuration.getValueType())
        .setStoreByValue(configuration.isStoreByValue());
  }

  /** A Larder cache of its own for {@code name}, with the template alias's settings. */
  private Caches build(String name, CompleteConfiguration<?, ?> configuration) {
    io.larder.Cache templateCache = configured.get(template);
    CacheSettings settings = templateCache.settings();
    boolean localMemory = isLocalMemory(templateCache);
    String prefix =
        settings.keyPrefix().isEmpty() ? name : settings.keyPrefix() + ":" + name;
    return Caches.builder()
        .environment(Map.of())
        .clock(settings.clock())
        .cache(Caches.DEFAULT_ALIAS, definition -> definition.backend("dummy"))
        .cache(
            name,
            definition -> {
              definition.backend(settings.backend());
              settings.options().forEach(definition::option);
              definition
                  .timeout(settings.timeout())
                  .keyPrefix(prefix)
                  .version(settings.version())
                  .keyFunction(settings.keyFunction());
              if (usesJavaSerializer(settings)) {
                definition.option(
                    "serializer_allow", CreatedCacheAllowList.of(name, settings, classLoader));
              }
              if (localMemory) {
                definition.location(storeName + ":" + name);
                definition.option(LocMemStore.STORE_BY_VALUE.name(), configuration.isStoreByValue());
              } else if (!settings.locations().isEmpty()) {
                definition.locations(settings.locations());
              }
            })
        .build();
  }

  /** True if the cache's serializer is the {@code java} one, Larder's default. */
  private static boolean usesJavaSerializer(CacheSettings settings) {
    return CommonOptions.SERIALIZER.from(settings).equals("java");
  }

  /** The JCache configuration of a configured alias: its timeout as a creation expiry. */
  private static MutableConfiguration<Object, Object> aliasConfiguration(io.larder.Cache larder) {
    io.larder.Timeout timeout = larder.settings().timeout();
    MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
    configuration.setStoreByValue(storesByValue(larder));
    configuration.setExpiryPolicyFactory(
        timeout.isNever()
            ? EternalExpiryPolicy.factoryOf()
            : FactoryBuilder.factoryOf(
                new CreatedExpiryPolicy(
                    new Duration(
                        java.util.concurrent.TimeUnit.MILLISECONDS,
                        Math.max(timeout.toMillis(), 0)))));
    return configuration;
  }

  /** Local memory keeps references unless {@code store_by_value}; every other store copies. */
  private static boolean storesByValue(io.larder.Cache larder) {
    if (!isLocalMemory(larder)) {
      return true;
    }
    return LocMemStore.STORE_BY_VALUE.from(larder.settings());
  }

  /** True if {@code larder} is on local memory: a store of this process alone. */
  static boolean isLocalMemory(io.larder.Cache larder) {
    try {
      larder.unwrap(LocMemStore.class);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("The cache manager " + uri + " is closed");
    }
  }

  @Override
  public String toString() {
    return "LarderJCacheManager[" + uri + ", aliases " + Set.copyOf(configured.aliases()) + "]";
  }
}
