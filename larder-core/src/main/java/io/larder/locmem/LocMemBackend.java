package io.larder.locmem;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.util.Set;

/** {@code backend: locmem}, also Django's {@code django.core.cache.backends.locmem.LocMemCache}. */
public final class LocMemBackend implements CacheBackend {
  @Override
  public String name() {
    return "locmem";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django.core.cache.backends.locmem.LocMemCache");
  }

  @Override
  public Set<String> options() {
    return Set.of("store_by_value");
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new LocMemCache(context);
  }
}
