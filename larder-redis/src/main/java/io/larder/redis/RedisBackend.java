package io.larder.redis;

import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import io.larder.spi.Option;
import java.util.List;
import java.util.Set;

/**
 * {@code backend: redis}, also django-redis's {@code django_redis.cache.RedisCache} and Django's
 * {@code django.core.cache.backends.redis.RedisCache}, on Lettuce.
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .cache("default", c -> c.backend("redis").location("redis://127.0.0.1:6379/1")
 *         .keyPrefix("shop").option("serializer", "pickle"))
 *     .build();
 * }</pre>
 *
 * <p>{@code location} is one URL (one server), a list (the primary first, then replicas: writes go
 * to the primary, reads to a replica), a master name with {@code options.sentinels}, or seed nodes
 * of a cluster (found to be one on connecting, or declared with {@code options.cluster: true}).
 * Nothing connects until the first command.
 *
 * @since 0.1
 */
public final class RedisBackend implements CacheBackend {
  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.cache.RedisCache", "django.core.cache.backends.redis.RedisCache");
  }

  @Override
  public List<Option<?>> options() {
    return RedisOptions.ALL;
  }

  @Override
  public CacheStore create(StoreContext context) {
    LettuceVersion.require();
    return new RedisStore(context, RedisOptions.from(context.settings()));
  }
}
