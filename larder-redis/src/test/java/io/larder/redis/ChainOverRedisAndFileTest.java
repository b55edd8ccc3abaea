package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.testsupport.RedisServers;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * Django's contract on three tiers: local memory, a real {@code redis-server}, and files
 * (the authoritative tier). Expiry is checked where Redis holds it.
 */
class ChainOverRedisAndFileTest extends ChainOverRedisTest {
  @TempDir Path tempDir;

  @Override
  protected Caches.Builder withOtherCaches(Caches.Builder builder) {
    return builder
        .cache("near", c -> c.backend("locmem").location("chain-" + UUID.randomUUID()))
        .cache("redis", c -> c.backend("redis").location(RedisServers.standalone().url(6)))
        .cache("file", c -> c.backend("filebased").location(tempDir.resolve("cache").toString()));
  }

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("chain").option("caches", List.of("near", "redis", "file"));
  }
}
