package io.larder.jcache;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * Larder's JSR-107 provider, found by {@link javax.cache.Caching} through {@code
 * META-INF/services/javax.cache.spi.CachingProvider}. A cache manager's URI names the Larder
 * configuration its caches come from (see {@link LarderJCacheManager}); there is one manager per
 * URI and class loader until it is closed.
 *
 * <pre>{@code
 * CachingProvider provider = Caching.getCachingProvider();            // Larder's, if it is the only one
 * CacheManager manager = provider.getCacheManager();                   // larder:default
 * CacheManager shop = provider.getCacheManager(URI.create("classpath:shop/larder.yml"), null);
 * }</pre>
 *
 * @since 0.1
 */
public final class LarderCachingProvider implements CachingProvider {
  /** The default configuration: {@code larder.config}, else larder.yml, else local memory. */
  public static final URI DEFAULT_URI = URI.create("larder:default");

  private final Map<ClassLoader, Map<URI, LarderJCacheManager>> managers = new WeakHashMap<>();

  @Override
  public synchronized CacheManager getCacheManager(
      URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties managerProperties = properties == null ? new Properties() : properties;
    Map<URI, LarderJCacheManager> byUri =
        managers.computeIfAbsent(loader, l -> new java.util.HashMap<>());
    LarderJCacheManager manager = byUri.get(managerUri);
    if (manager == null) {
      manager =
          new LarderJCacheManager(
              this,
              managerUri,
              loader,
              managerProperties,
              ConfigurationLocation.load(managerUri, loader));
      byUri.put(managerUri, manager);
    }
    return manager;
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context == null ? getClass().getClassLoader() : context;
  }

  @Override
  public URI getDefaultURI() {
    return DEFAULT_URI;
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public void close() {
    List<LarderJCacheManager> all = new ArrayList<>();
    synchronized (this) {
      managers.values().forEach(byUri -> all.addAll(byUri.values()));
      managers.clear();
    }
    all.forEach(LarderJCacheManager::close);
  }

  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    List<LarderJCacheManager> closing;
    synchronized (this) {
      Map<URI, LarderJCacheManager> byUri = managers.remove(loader);
      closing = byUri == null ? List.of() : new ArrayList<>(byUri.values());
    }
    closing.forEach(LarderJCacheManager::close);
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    URI managerUri = uri == null ? getDefaultURI() : uri;
    LarderJCacheManager manager;
    synchronized (this) {
      Map<URI, LarderJCacheManager> byUri = managers.get(loader);
      manager = byUri == null ? null : byUri.remove(managerUri);
    }
    if (manager != null) {
      manager.close();
    }
  }

  /**
   * Store-by-reference is supported where the backend keeps objects (local memory): this answers
   * for the default manager's template alias. A cache configured by reference on a backend that
   * copies (Redis, memcached, a database, files) stores by value, and its configuration says so.
   */
  @Override
  public boolean isSupported(OptionalFeature feature) {
    return feature == OptionalFeature.STORE_BY_REFERENCE
        && ((LarderJCacheManager) getCacheManager()).templateKeepsReferences();
  }

  /** Called by a manager as it closes, so the next request makes a new one. */
  synchronized void forget(LarderJCacheManager manager) {
    Map<URI, LarderJCacheManager> byUri = managers.get(manager.getClassLoader());
    if (byUri != null && byUri.get(manager.getURI()) == manager) {
      byUri.remove(manager.getURI());
    }
  }
}
