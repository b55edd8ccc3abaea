package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on a real three-primary Redis Cluster: multi-key operations split by slot. */
class ClusterRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("redis").locations(RedisServers.cluster().seedUrls()).option("cluster", true);
  }
}
