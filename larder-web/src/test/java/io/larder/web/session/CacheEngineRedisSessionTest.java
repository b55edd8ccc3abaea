package io.larder.web.session;

import io.larder.Cache;
import io.larder.testsupport.RedisServers;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code cache} engine on a real Redis (the run's shared server, a prefix of its own). */
class CacheEngineRedisSessionTest extends SessionContractTest {
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

  @Override
  SessionSettings.Builder settings() {
    return SessionSettings.builder();
  }

  @Override
  List<Cache> stores() {
    return List.of(caches.getDefault());
  }
}
