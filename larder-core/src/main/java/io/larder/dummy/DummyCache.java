package io.larder.dummy;

import io.larder.BaseCache;
import io.larder.CacheSettings;
import io.larder.Timeout;
import java.util.concurrent.Executor;

/**
 * Django's {@code DummyCache}: implements the interface and caches nothing, for development and
 * tests. {@code add} returns true, reads miss, {@code touch} and {@code delete} return false, and
 * {@code incr} throws {@link io.larder.MissingKeyException}. Keys are still made and validated.
 */
public final class DummyCache extends BaseCache {
  DummyCache(CacheSettings settings) {
    super(settings);
  }

  @Override
  protected Object load(String key) {
    return MISSING;
  }

  @Override
  protected void store(String key, Object value, Timeout timeout) {}

  @Override
  protected boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return true;
  }

  @Override
  protected boolean expire(String key, Timeout timeout) {
    return false;
  }

  @Override
  protected boolean remove(String key) {
    return false;
  }

  @Override
  protected void removeAll() {}

  @Override
  protected Executor asyncExecutor() {
    return Runnable::run;
  }
}
