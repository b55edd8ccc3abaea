package io.larder.locmem;

import io.larder.BaseCache;
import io.larder.CacheBackend;
import io.larder.CacheSettings;
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
  public BaseCache create(CacheSettings settings) {
    return new LocMemCache(settings);
  }
}
