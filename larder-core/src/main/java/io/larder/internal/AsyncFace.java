package io.larder.internal;

import io.larder.AsyncCache;
import io.larder.Cache;
import io.larder.Timeout;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link AsyncCache} over a {@link Cache} handle, by one mechanism instead of a delegate per method:
 * each {@code AsyncCache} method runs the {@code Cache} method of the same name and parameters on
 * the engine's executor (Larder's bounded pool for stores that block on I/O, the calling thread for
 * in-memory ones, whose futures are then complete when returned), as Lettuce's sync face is a proxy
 * over its async one. When the store's own client is asynchronous ({@link
 * io.larder.spi.AsyncCacheStore}) the single-key reads and writes, {@code getMany} and {@code incr}
 * go to it instead, holding no thread while they wait.
 */
final class AsyncFace implements InvocationHandler {
  /** Each {@code AsyncCache} method's synchronous twin, resolved once. */
  private static final Map<Method, Method> TWINS = twins();

  private final Cache cache;
  private final CacheEngine engine;
  private final int version;
  private final Executor executor;

  private AsyncFace(Cache cache, CacheEngine engine, int version) {
    this.cache = cache;
    this.engine = engine;
    this.version = version;
    this.executor = engine.asyncExecutor();
  }

  static AsyncCache of(Cache cache, CacheEngine engine, int version) {
    return (AsyncCache)
        Proxy.newProxyInstance(
            AsyncCache.class.getClassLoader(),
            new Class<?>[] {AsyncCache.class},
            new AsyncFace(cache, engine, version));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "sync":
        return cache;
      case "toString":
        return "Async" + cache;
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      default:
        CompletableFuture<?> onTheStoresClient = engine.hasAsyncStore() ? direct(method, args) : null;
        if (onTheStoresClient != null) {
          return onTheStoresClient;
        }
        Method twin = TWINS.get(method);
        return CompletableFuture.supplyAsync(() -> call(twin, args), executor);
    }
  }

  /** The call on the store's asynchronous client, or null for one that runs on the pool. */
  private CompletableFuture<?> direct(Method method, Object[] args) {
    String key = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "get":
        if (arity == 2 && method.getParameterTypes()[1] == Class.class) {
          Class<?> type = (Class<?>) args[1];
          return engine
              .getAsync(key, null, version)
              .thenApply(
                value ->
                    CacheHandle.typed(
                        engine.settings().alias(), key, engine.convert(value, type), type));
        }
        return engine.getAsync(key, arity == 2 ? args[1] : null, version);
      case "set":
        return engine.setAsync(key, args[1], timeout(args, 2), version);
      case "add":
        return engine.addAsync(key, args[1], timeout(args, 2), version);
      case "touch":
        return engine.touchAsync(key, timeout(args, 1), version);
      case "delete":
        return engine.deleteAsync(key, version);
      case "hasKey":
        return engine.hasKeyAsync(key, version);
      case "getMany":
        @SuppressWarnings("unchecked")
        Collection<String> keys = (Collection<String>) args[0];
        return engine.getManyAsync(keys, version);
      case "incr":
        return engine.incrAsync(key, arity == 2 ? (Long) args[1] : 1, version);
      case "decr":
        return engine.incrAsync(key, Math.negateExact(arity == 2 ? (Long) args[1] : 1), version);
      default:
        return null;
    }
  }

  private static Timeout timeout(Object[] args, int index) {
    return args.length > index ? (Timeout) args[index] : Timeout.DEFAULT;
  }

  private Object call(Method twin, Object[] args) {
    try {
      return twin.invoke(cache, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cache." + twin.getName() + " is not accessible", e);
    }
  }

  private static Map<Method, Method> twins() {
    Map<Method, Method> twins = new HashMap<>();
    for (Method method : AsyncCache.class.getMethods()) {
      if (method.getName().equals("sync")) {
        continue;
      }
      try {
        twins.put(method, Cache.class.getMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("AsyncCache." + method.getName() + " has no Cache twin", e);
      }
    }
    return Map.copyOf(twins);
  }
}
