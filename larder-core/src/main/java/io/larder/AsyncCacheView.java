package io.larder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** {@link AsyncCache} over a synchronous view, run on the backend's executor (Django's way). */
final class AsyncCacheView implements AsyncCache {
  private final Cache cache;
  private final Executor executor;

  AsyncCacheView(Cache cache, Executor executor) {
    this.cache = cache;
    this.executor = executor;
  }

  private <T> CompletableFuture<T> run(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, executor);
  }

  private CompletableFuture<Void> run(Runnable call) {
    return CompletableFuture.runAsync(call, executor);
  }

  @Override
  public <T> CompletableFuture<T> get(String key) {
    return run(() -> cache.<T>get(key));
  }

  @Override
  public <T> CompletableFuture<T> get(String key, T defaultValue) {
    return run(() -> cache.get(key, defaultValue));
  }

  @Override
  public CompletableFuture<Void> set(String key, Object value) {
    return run(() -> cache.set(key, value));
  }

  @Override
  public CompletableFuture<Void> set(String key, Object value, Timeout timeout) {
    return run(() -> cache.set(key, value, timeout));
  }

  @Override
  public CompletableFuture<Boolean> add(String key, Object value) {
    return run(() -> cache.add(key, value));
  }

  @Override
  public CompletableFuture<Boolean> add(String key, Object value, Timeout timeout) {
    return run(() -> cache.add(key, value, timeout));
  }

  @Override
  public <T> CompletableFuture<T> getOrSet(String key, Supplier<? extends T> supplier) {
    return run(() -> cache.<T>getOrSet(key, supplier));
  }

  @Override
  public <T> CompletableFuture<T> getOrSet(
      String key, Supplier<? extends T> supplier, Timeout timeout) {
    return run(() -> cache.<T>getOrSet(key, supplier, timeout));
  }

  @Override
  public CompletableFuture<Boolean> touch(String key) {
    return run(() -> cache.touch(key));
  }

  @Override
  public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
    return run(() -> cache.touch(key, timeout));
  }

  @Override
  public CompletableFuture<Boolean> delete(String key) {
    return run(() -> cache.delete(key));
  }

  @Override
  public CompletableFuture<Boolean> hasKey(String key) {
    return run(() -> cache.hasKey(key));
  }

  @Override
  public <T> CompletableFuture<Map<String, T>> getMany(Collection<String> keys) {
    return run(() -> cache.<T>getMany(keys));
  }

  @Override
  public CompletableFuture<List<String>> setMany(Map<String, ?> values) {
    return run(() -> cache.setMany(values));
  }

  @Override
  public CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout) {
    return run(() -> cache.setMany(values, timeout));
  }

  @Override
  public CompletableFuture<Void> deleteMany(Collection<String> keys) {
    return run(() -> cache.deleteMany(keys));
  }

  @Override
  public CompletableFuture<Long> incr(String key) {
    return run(() -> cache.incr(key));
  }

  @Override
  public CompletableFuture<Long> incr(String key, long delta) {
    return run(() -> cache.incr(key, delta));
  }

  @Override
  public CompletableFuture<Long> decr(String key) {
    return run(() -> cache.decr(key));
  }

  @Override
  public CompletableFuture<Long> decr(String key, long delta) {
    return run(() -> cache.decr(key, delta));
  }

  @Override
  public CompletableFuture<Void> clear() {
    return run(cache::clear);
  }

  @Override
  public CompletableFuture<Integer> incrVersion(String key) {
    return run(() -> cache.incrVersion(key));
  }

  @Override
  public CompletableFuture<Integer> incrVersion(String key, int delta) {
    return run(() -> cache.incrVersion(key, delta));
  }

  @Override
  public CompletableFuture<Integer> decrVersion(String key) {
    return run(() -> cache.decrVersion(key));
  }

  @Override
  public CompletableFuture<Integer> decrVersion(String key, int delta) {
    return run(() -> cache.decrVersion(key, delta));
  }

  @Override
  public CompletableFuture<Void> close() {
    return run(cache::close);
  }

  @Override
  public Cache sync() {
    return cache;
  }
}
