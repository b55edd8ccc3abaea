package io.larder.demo;

import io.larder.testsupport.MemcachedServer;

/**
 * The demo on a real {@code memcached} (started by the test on a free loopback port) that Django
 * reaches through its {@code PyMemcacheCache} (Debian's pymemcache).
 */
class DemoOnMemcachedIT extends DemoOnDjangosCacheIT {
  @Override
  String djangoBackend() {
    return "django.core.cache.backends.memcached.PyMemcacheCache";
  }

  @Override
  String location() {
    return MemcachedServer.shared(1).get(0).address();
  }
}
