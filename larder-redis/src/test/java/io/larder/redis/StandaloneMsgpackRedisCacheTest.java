package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.testsupport.RedisServers;

/** The contract on one real {@code redis-server} with django-redis's msgpack serializer and zstd. */
class StandaloneMsgpackRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(8))
        .option("serializer", "django_redis.serializers.msgpack.MSGPackSerializer")
        .option("compressor", "zstd");
  }
}
