package io.larder.dummy;

import io.larder.BaseCache;
import io.larder.CacheBackend;
import io.larder.CacheSettings;
import java.util.Set;

/** {@code backend: dummy}, also Django's {@code django.core.cache.backends.dummy.DummyCache}. */
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
  public BaseCache create(CacheSettings settings) {
    return new DummyCache(settings);
  }
}
