package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/**
 * The contract on one real {@code redis-server} configured as a Django app shares it: the pickle
 * serializer, django-redis's zlib compressor, and the cross-process stampede lock.
 */
class StandalonePickleRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("django_redis.cache.RedisCache")
        .location(RedisServers.standalone().url(7))
        .option("serializer", "pickle")
        .option("compressor", "zlib")
        .option("stampede_lock", true);
  }
}
