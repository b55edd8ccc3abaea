package io.larder.memcached;

import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import io.larder.spi.CacheBackend;
import io.larder.spi.Option;
import java.util.List;
import java.util.Set;

/**
 * {@code backend: memcached}, also Django's {@code PyMemcacheCache}, {@code PyLibMCCache} and
 * {@code MemcachedCache} dotted paths: a pool of memcached servers over the text protocol, with
 * Django's value format and timeouts so that a Django app can share it. {@code location} is {@code
 * host:port}, a list of them, or a string of them separated by commas or semicolons.
 *
 * <pre>{@code
 * caches:
 *   default:
 *     backend: memcached
 *     location: [10.0.0.1:11211, 10.0.0.2:11211, 10.0.0.3:11211]
 *     options: { hashing: rendezvous, serializer: pickle, ignore_exceptions: true }
 * }</pre>
 *
 * @since 0.1
 */
public final class MemcachedBackend implements CacheBackend {
  @Override
  public String name() {
    return "memcached";
  }

  @Override
  public Set<String> aliases() {
    return Set.of(
        "django.core.cache.backends.memcached.PyMemcacheCache",
        "django.core.cache.backends.memcached.PyLibMCCache",
        "django.core.cache.backends.memcached.MemcachedCache");
  }

  @Override
  public List<Option<?>> options() {
    return PoolOptions.ALL;
  }

  @Override
  public CacheStore create(StoreContext context) {
    return new MemcachedStore(context, PoolOptions.from(context.settings()));
  }
}
