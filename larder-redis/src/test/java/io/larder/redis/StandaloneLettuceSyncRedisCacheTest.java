package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/**
 * The contract on one real {@code redis-server} with {@code sync_client: lettuce}: synchronous
 * calls on the Lettuce connection, as on replicas, Sentinel and Cluster, instead of Jedis's pool.
 */
class StandaloneLettuceSyncRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(4))
        .option("sync_client", "lettuce");
  }
}
