package io.larder.dummy;

import io.larder.Timeout;
import io.larder.spi.CacheStore;

/**
 * Django's {@code DummyCache}: implements the interface and caches nothing, for development and
 * tests. {@code add} returns true, reads miss, {@code touch} and {@code delete} return false, and
 * {@code incr} throws {@link io.larder.MissingKeyException}. Keys are still made and validated.
 *
 * @since 0.1
 */
public final class DummyStore implements CacheStore {
  DummyStore() {}

  @Override
  public Object load(String key) {
    return MISSING;
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {}

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    return true;
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return false;
  }

  @Override
  public boolean remove(String key) {
    return false;
  }

  @Override
  public void removeAll() {}

  @Override
  public boolean blocksOnIo() {
    return false;
  }
}
