package io.larder.internal;

import io.larder.AsyncCache;
import io.larder.Cache;
import io.larder.Timeout;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link AsyncCache} over a {@link Cache} handle, by one rule for every operation, as Lettuce's
 * faces apply one rule to every command: when the store's own client is asynchronous ({@link
 * io.larder.spi.AsyncCacheStore}) an operation it offers (single-key reads and writes, {@code
 * getMany}, {@code incr}/{@code decr}) goes to it and holds no thread while it waits; every other
 * operation, on every other store, runs its {@code Cache} twin through {@link #onPool}: on Larder's
 * bounded pool for stores that block on I/O, on the calling thread for in-memory ones, whose
 * futures are then complete when returned. Each operation chooses with a field test rather than
 * through a helper taking both forms, so that a call allocates one lambda, not two.
 */
final class AsyncCacheHandle implements AsyncCache {
  private final Cache cache;
  private final CacheEngine engine;
  private final int version;
  private final Executor executor;
  private final boolean onStoresClient;

  AsyncCacheHandle(Cache cache, CacheEngine engine, int version) {
    this.cache = cache;
    this.engine = engine;
    this.version = version;
    this.executor = engine.asyncExecutor();
    this.onStoresClient = engine.hasAsyncStore();
  }

  @Override
  public <T> CompletableFuture<T> get(String key) {
    return get(key, (T) null);
  }

  @Override
  public <T> CompletableFuture<T> get(String key, T defaultValue) {
    return onStoresClient
        ? cast(engine.getAsync(key, defaultValue, version))
        : onPool(() -> cache.get(key, defaultValue));
  }

  @Override
  public <T> CompletableFuture<T> get(String key, Class<T> type) {
    return onStoresClient
        ? engine
            .getAsync(key, null, version)
            .thenApply(
                value ->
                    CacheHandle.typed(
                        engine.settings().alias(), key, engine.convert(value, type), type))
        : onPool(() -> cache.get(key, type));
  }

  @Override
  public CompletableFuture<Void> set(String key, Object value) {
    return set(key, value, Timeout.DEFAULT);
  }

  @Override
  public CompletableFuture<Void> set(String key, Object value, Timeout timeout) {
    return onStoresClient
        ? engine.setAsync(key, value, timeout, version)
        : run(() -> cache.set(key, value, timeout));
  }

  @Override
  public CompletableFuture<Boolean> add(String key, Object value) {
    return add(key, value, Timeout.DEFAULT);
  }

  @Override
  public CompletableFuture<Boolean> add(String key, Object value, Timeout timeout) {
    return onStoresClient
        ? engine.addAsync(key, value, timeout, version)
        : onPool(() -> cache.add(key, value, timeout));
  }

  @Override
  public <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier) {
    return getOrSet(key, supplier, Timeout.DEFAULT);
  }

  @Override
  public <T> CompletableFuture<T> getOrSet(
      String key, Supplier<? extends T> supplier, Timeout timeout) {
    return onPool(() -> cache.getOrSet(key, supplier, timeout));
  }

  @Override
  public CompletableFuture<Boolean> touch(String key) {
    return touch(key, Timeout.DEFAULT);
  }

  @Override
  public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
    return onStoresClient
        ? engine.touchAsync(key, timeout, version)
        : onPool(() -> cache.touch(key, timeout));
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    return onStoresClient ? engine.deleteAsync(key, version) : onPool(() -> cache.delete(key));
  }

  @Override
  public CompletableFuture<Boolean> hasKey(String key) {
    return onStoresClient ? engine.hasKeyAsync(key, version) : onPool(() -> cache.hasKey(key));
  }

  @Override
  public <T> CompletableFuture<Map<String, T>> getMany(Collection<String> keys) {
    return onStoresClient
        ? cast(engine.getManyAsync(keys, version))
        : onPool(() -> cache.getMany(keys));
  }

  @Override
  public CompletableFuture<List<String>> setMany(Map<String, ?> values) {
    return setMany(values, Timeout.DEFAULT);
  }

  @Override
  public CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout) {
    return onPool(() -> cache.setMany(values, timeout));
  }

  @Override
  public CompletableFuture<Void> deleteMany(Collection<String> keys) {
    return run(() -> cache.deleteMany(keys));
  }

  @Override
  public CompletableFuture<Long> incr(String key) {
    return incr(key, 1);
  }

  @Override
  public CompletableFuture<Long> incr(String key, long delta) {
    return onStoresClient
        ? engine.incrAsync(key, delta, version)
        : onPool(() -> cache.incr(key, delta));
  }

  @Override
  public CompletableFuture<Long> decr(String key) {
    return decr(key, 1);
  }

  @Override
  public CompletableFuture<Long> decr(String key, long delta) {
    return onStoresClient
        ? engine.incrAsync(key, Math.negateExact(delta), version)
        : onPool(() -> cache.decr(key, delta));
  }

  @Override
  public CompletableFuture<Void> clear() {
    return run(cache::clear);
  }

  @Override
  public CompletableFuture<Integer> incrVersion(String key) {
    return incrVersion(key, 1);
  }

  @Override
  public CompletableFuture<Integer> incrVersion(String key, int delta) {
    return onPool(() -> cache.incrVersion(key, delta));
  }

  @Override
  public CompletableFuture<Integer> decrVersion(String key) {
    return decrVersion(key, 1);
  }

  @Override
  public CompletableFuture<Integer> decrVersion(String key, int delta) {
    return onPool(() -> cache.decrVersion(key, delta));
  }

  @Override
  public CompletableFuture<Void> close() {
    return run(cache::close);
  }

  @Override
  public Cache sync() {
    return cache;
  }

  @Override
  public String toString() {
    return "Async" + cache;
  }

  /** The operation's {@code Cache} twin, run on the engine's executor. */
  private <T> CompletableFuture<T> onPool(Supplier<T> twin) {
    return CompletableFuture.supplyAsync(twin, executor);
  }

  private CompletableFuture<Void> run(Runnable twin) {
    return CompletableFuture.runAsync(twin, executor);
  }

  /**
   * The engine's futures carry {@code Object}s; the caller names the type, as in {@code Cache.get}.
   */
  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> cast(CompletableFuture<?> future) {
    return (CompletableFuture<T>) future;
  }
}
