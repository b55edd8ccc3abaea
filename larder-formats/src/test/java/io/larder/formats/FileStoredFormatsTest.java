package io.larder.formats;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.compress.Zlib;
import io.larder.file.FileBasedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats in {@code .djcache} files: a pickled expiry, then Django's zlib stream of the
 * serialized value. The {@code compressor} option does not apply to files (always zlib).
 */
class FileStoredFormatsTest extends StoredFormatsTest {
  @TempDir Path dir;

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("filebased").location(dir.toString());
  }

  @Override
  protected List<String> compressors() {
    return List.of("none");
  }

  @Override
  protected byte[] storedValue(Cache cache, String key) throws Exception {
    byte[] content =
        Files.readAllBytes(cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey(key)));
    // The expiry Larder writes: a pickled float (80 02 47 <8 bytes> 2e) or None (80 02 4e 2e).
    int header = content[2] == 'N' ? 4 : 12;
    return Zlib.inflate(content, header, content.length - header);
  }
}
