package io.larder.demo;

import io.larder.testsupport.RedisServers;

/**
 * The demo on a real {@code redis-server} (started by the test on a free loopback port) that
 * Django reaches through django-redis ({@code django_redis.cache.RedisCache}, pickle).
 */
class DemoOnRedisIT extends DemoOnDjangosCacheIT {
  /** A database of the run's shared server that no other test of this JVM uses. */
  private static final int DB = 4;

  @Override
  String djangoBackend() {
    return "django_redis.cache.RedisCache";
  }

  @Override
  String location() {
    return RedisServers.standalone().url(DB);
  }
}
