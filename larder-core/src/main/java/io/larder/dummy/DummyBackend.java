package io.larder.dummy;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.util.Set;

/**
 * {@code backend: dummy}, also Django's {@code django.core.cache.backends.dummy.DummyCache}.
 *
 * @since 0.1
 */
public final class DummyBackend implements CacheBackend {
  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django.core.cache.backends.dummy.DummyCache");
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new DummyStore();
  }
}
