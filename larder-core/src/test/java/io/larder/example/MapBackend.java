package io.larder.example;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;

/**
 * The descriptor of {@link MapStore}: {@code backend: io.larder.example.MapBackend} selects it by
 * class name; listed in {@code META-INF/services/io.larder.spi.CacheBackend} it would be {@code
 * backend: map}.
 */
public final class MapBackend implements CacheBackend {
  @Override
  public String name() {
    return "map";
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new MapStore(context);
  }
}
