package io.larder.internal;

import io.larder.AsyncCache;
import io.larder.Cache;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link AsyncCache} over a {@link Cache} handle, by one mechanism instead of a delegate per method:
 * each {@code AsyncCache} method runs the {@code Cache} method of the same name and parameters on
 * the engine's executor (Larder's bounded pool for stores that block on I/O, the calling thread for
 * in-memory ones, whose futures are then complete when returned), as Lettuce's sync face is a proxy
 * over its async one.
 */
final class AsyncFace implements InvocationHandler {
  /** Each {@code AsyncCache} method's synchronous twin, resolved once. */
  private static final Map<Method, Method> TWINS = twins();

  private final Cache cache;
  private final Executor executor;

  private AsyncFace(Cache cache, Executor executor) {
    this.cache = cache;
    this.executor = executor;
  }

  static AsyncCache of(Cache cache, Executor executor) {
    return (AsyncCache)
        Proxy.newProxyInstance(
            AsyncCache.class.getClassLoader(),
            new Class<?>[] {AsyncCache.class},
            new AsyncFace(cache, executor));
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
        Method twin = TWINS.get(method);
        return CompletableFuture.supplyAsync(() -> call(twin, args), executor);
    }
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
