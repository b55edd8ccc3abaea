package io.larder.redis;

import io.larder.CacheDefinition;
import io.larder.Caches;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Caches for a test: one {@code default} Redis cache, shaped by the test, no environment. */
final class RedisCaches {
  private RedisCaches() {}

  static Caches of(UnaryOperator<CacheDefinition> definition) {
    return Caches.builder()
        .environment(Map.of())
        .cache("default", c -> definition.apply(c.backend("redis")))
        .build();
  }
}
