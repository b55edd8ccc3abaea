package io.larder.web.session;

import io.larder.testsupport.RedisServers;
import java.util.Map;
import java.util.UUID;

/** The {@code cache} engine on a real Redis (the run's shared server, a prefix of its own). */
class CacheEngineRedisSessionTest extends CacheEngineSessionContractTest {
  @Override
  Map<String, Object> cachesConfig() {
    return Map.of(
        "default",
        Map.of(
            "backend",
            "redis",
            "location",
            RedisServers.standalone().url(0),
            "key_prefix",
            "sessions-" + UUID.randomUUID()));
  }
}
