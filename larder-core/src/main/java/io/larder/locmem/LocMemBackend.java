package io.larder.locmem;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import io.larder.spi.Option;
import java.util.List;
import java.util.Set;

/**
 * {@code backend: locmem}, also Django's {@code django.core.cache.backends.locmem.LocMemCache}.
 *
 * @since 0.1
 */
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
  public List<Option<?>> options() {
    return List.of(LocMemStore.STORE_BY_VALUE);
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new LocMemStore(context);
  }
}
