package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on one real {@code redis-server} with django-redis's lzma compressor on every value. */
class StandaloneLzmaRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(8))
        .option("compressor", "lzma")
        .option("compress_min_length", 0);
  }
}
