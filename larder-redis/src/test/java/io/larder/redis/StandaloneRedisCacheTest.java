package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on one real {@code redis-server}. */
class StandaloneRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("redis").location(RedisServers.standalone().url(1));
  }
}
