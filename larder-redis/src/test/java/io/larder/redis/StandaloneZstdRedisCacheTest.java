package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on one real {@code redis-server} with django-redis's zstd compressor on every value. */
class StandaloneZstdRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(8))
        .option("compressor", "zstd")
        .option("compress_min_length", 0);
  }
}
