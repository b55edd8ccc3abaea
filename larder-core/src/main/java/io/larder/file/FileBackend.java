package io.larder.file;

import io.larder.BaseCache;
import io.larder.CacheBackend;
import io.larder.CacheSettings;
import java.util.Set;

/**
 * {@code backend: filebased}, also Django's {@code
 * django.core.cache.backends.filebased.FileBasedCache}.
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
  public BaseCache create(CacheSettings settings) {
    return new FileBasedCache(settings);
  }
}
