package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on one real {@code redis-server} with json_typed values, compressed with zstd. */
class StandaloneJsonTypedRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(9))
        .option("serializer", "json_typed")
        .option("compressor", "zstd");
  }
}
