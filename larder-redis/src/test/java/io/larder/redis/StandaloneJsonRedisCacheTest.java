package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheDefinition;
import io.larder.RedisContractTest;
import io.larder.SerializationException;
import io.larder.testsupport.RedisServers;
import org.junit.jupiter.api.Test;

/** The contract on one real {@code redis-server} with django-redis's JSON serializer and lz4. */
class StandaloneJsonRedisCacheTest extends RedisContractTest {
  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("redis")
        .location(RedisServers.standalone().url(8))
        .option("serializer", "django_redis.serializers.json.JSONSerializer")
        .option("compressor", "lz4");
  }

  /** JSON has no bytes, and django-redis's JSONSerializer refuses them: so does this one. */
  @Test
  @Override
  protected void binaryValuesRoundTrip() {
    assertThatThrownBy(() -> cache.set("binary", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("JSON has no bytes");
  }
}
