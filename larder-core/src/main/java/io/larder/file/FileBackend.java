package io.larder.file;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.util.Set;

/**
 * {@code backend: filebased}, also Django's {@code
 * django.core.cache.backends.filebased.FileBasedCache}.
 *
 * @since 0.1
 */
public final class FileBackend implements CacheBackend {
  @Override
  public String name() {
    return "filebased";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django.core.cache.backends.filebased.FileBasedCache", "file");
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new FileBasedStore(context);
  }
}
