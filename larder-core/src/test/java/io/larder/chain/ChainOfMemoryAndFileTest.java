package io.larder.chain;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Django's contract on a chain of local memory over files. */
class ChainOfMemoryAndFileTest extends CacheContractTest {
  @TempDir Path tempDir;

  @Override
  protected Caches.Builder withOtherCaches(Caches.Builder builder) {
    return builder
        .cache("memory", c -> c.backend("locmem").location("chain-" + UUID.randomUUID()))
        .cache("file", c -> c.backend("filebased").location(tempDir.resolve("cache").toString()));
  }

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("chain").option("caches", List.of("memory", "file"));
  }

  // Reads are answered by the memory tier, which keeps references.
  @Override
  protected boolean storesCopies() {
    return false;
  }

  // Writes reach the file tier, which serializes: an unserializable value fails before any tier
  // changes.
  @Override
  protected boolean serializesValues() {
    return true;
  }
}
