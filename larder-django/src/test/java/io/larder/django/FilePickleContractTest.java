package io.larder.django;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the file backend with pickled values: what a cache shared with Django runs. */
class FilePickleContractTest extends CacheContractTest {
  @TempDir Path dir;

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("filebased").location(dir.resolve("cache").toString()).option("serializer", "pickle");
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }
}
