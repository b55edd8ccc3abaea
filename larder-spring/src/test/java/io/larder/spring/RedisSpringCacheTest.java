package io.larder.spring;

import io.larder.Caches;
import io.larder.testsupport.RedisServers;
import java.util.Map;

/** Spring's cache contract on a real Redis (started by the test), with Java serialization. */
class RedisSpringCacheTest extends SpringCacheContractTest {
  @Override
  protected Caches open() {
    return Caches.builder()
        .environment(Map.of())
        .config(
            Map.of(
                "default",
                Map.of(
                    "backend",
                    "redis",
                    "location",
                    RedisServers.standalone().url(5),
                    "key_prefix",
                    "spring-contract")))
        .build();
  }
}
