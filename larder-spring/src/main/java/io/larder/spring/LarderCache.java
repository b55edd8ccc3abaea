package io.larder.spring;

import io.larder.Cache;
import io.larder.Timeout;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Larder {@link Cache} as a Spring {@link org.springframework.cache.Cache}, for {@code
 * @Cacheable}, {@code @CachePut} and {@code @CacheEvict}. Usually made by {@link
 * LarderCacheManager}; directly:
 *
 * <pre>{@code
 * Caches caches = Caches.load(Path.of("larder.yml"));
 * LarderCache books = new LarderCache("books", caches.get("books"), true);
 * books.put(42L, book);                          // stored under Django's key "<prefix>:1:42"
 * Book b = books.get(42L, Book.class);
 * }</pre>
 *
 * <p>Keys are turned into strings by {@link SpringKeys#of}; values are stored with the cache's
 * serializer and its default timeout (the alias's {@code timeout}: Spring has no per-entry TTL, and
 * neither has this adapter). A stored {@code null} is Django's {@code None}, stored as null (never
 * as Spring's {@code NullValue}), so a Django application reads it as {@code None}; it is told
 * apart from a miss when null values are allowed, and read as a miss when they are not.
 *
 * <ul>
 *   <li>{@link #get(Object, Callable)} is Larder's {@code getOrSet}: the loader runs once per
 *       process for concurrent misses on one key; its exception reaches every waiting caller as a
 *       {@link ValueRetrievalException}, and nothing is stored.
 *   <li>{@link #retrieve(Object)} and {@link #retrieve(Object, Supplier)} (asynchronous {@code
 *       @Cacheable} on methods returning {@code CompletableFuture}, {@code Mono} or {@code Flux})
 *       run on {@link Cache#async()}; concurrent misses on one key share one loader call.
 *   <li>{@link #putIfAbsent} is Larder's atomic {@code add}; {@link #evictIfPresent} tells whether
 *       something was deleted; {@link #clear()} and {@link #invalidate()} are Larder's {@code
 *       clear} (which on Redis removes only this cache's key prefix).
 * </ul>
 *
 * <p>A backend failure reaches the caller as Larder's {@link io.larder.CacheException} (Spring's
 * {@code CacheErrorHandler} sees it), unless the alias is configured with {@code
 * ignore_exceptions: true}, when reads miss and writes are dropped.
 * @since 0.1
 */
public final class LarderCache extends AbstractValueAdaptingCache {
  /** What {@code get(key, MISSING)} returns for an absent key: a stored null is a value. */
  private static final Object MISSING = new Object();

  private final String name;
  private final Cache cache;
  private final Map<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();

  /**
   * The Spring cache {@code name} over {@code cache}.
   *
   * @param name the name Spring's annotations use ({@code @Cacheable("books")})
   * @param cache the Larder cache values are stored in
   * @param allowNullValues whether a method's null result is cached (as Spring's providers' option)
   */
  public LarderCache(String name, Cache cache, boolean allowNullValues) {
    super(allowNullValues);
    this.name = Objects.requireNonNull(name, "name");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  @Override
  public String getName() {
    return name;
  }

  /** The Larder cache this adapter stores in. */
  @Override
  public Cache getNativeCache() {
    return cache;
  }

  /**
   * The string the key is stored under (before the key function adds prefix and version).
   *
   * @param key a Spring cache key: a string, a {@code SimpleKey} or any object with its own
   *     {@code toString()}
   * @return the key's stored form ({@link SpringKeys#of(Object)})
   */
  public String key(Object key) {
    return SpringKeys.of(key);
  }

  @Override
  protected Object lookup(Object key) {
    return stored(cache.get(key(key), MISSING));
  }

  /** Larder's value in Spring's store form: null for a miss, {@link NullValue} for a null. */
  private Object stored(Object value) {
    if (value == MISSING) {
      return null;
    }
    if (value == null) {
      return isAllowNullValues() ? NullValue.INSTANCE : null;
    }
    return value;
  }

  @Override
  public <T> T get(Object key, Callable<T> valueLoader) {
    String k = key(key);
    try {
      return cache.getOrSet(k, () -> load(valueLoader), Timeout.DEFAULT);
    } catch (Loading e) {
      throw new ValueRetrievalException(key, valueLoader, e.getCause());
    }
  }

  /** Calls the loader; a null result is checked against the null-value setting before storing. */
  private <T> T load(Callable<T> valueLoader) {
    try {
      T value = valueLoader.call();
      toStoreValue(value);
      return value;
    } catch (Exception e) {
      throw new Loading(e);
    }
  }

  @Override
  public CompletableFuture<?> retrieve(Object key) {
    return cache
        .async()
        .get(key(key), MISSING)
        .thenApply(
            value -> {
              Object stored = stored(value);
              if (stored == null) {
                return null;
              }
              return isAllowNullValues() ? toValueWrapper(stored) : fromStoreValue(stored);
            });
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> retrieve(
      Object key, Supplier<CompletableFuture<T>> valueLoader) {
    String k = key(key);
    return cache
        .async()
        .get(k, MISSING)
        .thenCompose(
            value -> {
              Object stored = stored(value);
              if (stored != null) {
                return CompletableFuture.completedFuture((T) fromStoreValue(stored));
              }
              return (CompletableFuture<T>) loadShared(k, valueLoader);
            });
  }

  /**
   * Loads a missing key once for all concurrent {@code retrieve} calls: the first caller's loader
   * runs, its value is stored, and every caller gets it (or its failure).
   */
  private CompletableFuture<?> loadShared(
      String key, Supplier<? extends CompletableFuture<?>> valueLoader) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> flight = loading.putIfAbsent(key, mine);
    if (flight != null) {
      return flight;
    }
    CompletableFuture<?> loaded;
    try {
      loaded = Objects.requireNonNull(valueLoader.get(), "the value loader returned no future");
    } catch (RuntimeException e) {
      loaded = CompletableFuture.failedFuture(e);
    }
    loaded
        .thenCompose(
            value -> {
              toStoreValue(value);
              Object stored = value;
              return cache.async().set(key, stored, Timeout.DEFAULT).thenApply(done -> stored);
            })
        .whenComplete(
            (value, failure) -> {
              loading.remove(key, mine);
              if (failure != null) {
                mine.completeExceptionally(unwrapped(failure));
              } else {
                mine.complete(value);
              }
            });
    return mine;
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  @Override
  public void put(Object key, Object value) {
    cache.set(key(key), larderValue(value), Timeout.DEFAULT);
  }

  /**
   * Stores {@code value} only if {@code key} is absent, atomically (Larder's {@code add}).
   *
   * @return null if the value was stored, otherwise the value present. Should the present value
   *     expire between the refused {@code add} and the read that follows, null is returned too.
   */
  @Override
  public ValueWrapper putIfAbsent(Object key, Object value) {
    String k = key(key);
    if (cache.add(k, larderValue(value), Timeout.DEFAULT)) {
      return null;
    }
    return toValueWrapper(stored(cache.get(k, MISSING)));
  }

  /** Spring's null check, then Larder's form of null: a plain null, as Django's None. */
  private Object larderValue(Object value) {
    Object stored = toStoreValue(value);
    return stored == NullValue.INSTANCE ? null : stored;
  }

  @Override
  public void evict(Object key) {
    cache.delete(key(key));
  }

  @Override
  public boolean evictIfPresent(Object key) {
    return cache.delete(key(key));
  }

  @Override
  public void clear() {
    cache.clear();
  }

  /**
   * Clears the cache at once (Larder's {@code clear} is never deferred).
   *
   * @return false: whether the cache held entries is not known
   */
  @Override
  public boolean invalidate() {
    cache.clear();
    return false;
  }

  @Override
  public String toString() {
    return "LarderCache[" + name + " on " + cache.settings().alias() + "]";
  }

  /** Carries a loader's checked exception out of Larder's supplier. */
  private static final class Loading extends RuntimeException {
    Loading(Exception cause) {
      super(cause);
    }
  }
}
