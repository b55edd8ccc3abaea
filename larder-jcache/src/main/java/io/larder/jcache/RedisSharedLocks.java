package io.larder.jcache;

import io.larder.Timeout;
import io.larder.redis.RedisExtension;
import io.larder.redis.RedisLock;
import java.time.Duration;
import javax.cache.CacheException;

/**
 * Per-key locks on Redis: larder-redis's {@link RedisLock} ({@code SET NX PX} with a token,
 * released by compare-and-delete) under the made key of {@code larder-jcache-lock:<key>}. A lock
 * expires after {@value #LEASE_SECONDS} seconds, so a process that dies holding one blocks the key
 * no longer than that; an entry processor must finish within it.
 */
final class RedisSharedLocks implements SharedLocks {
  static final long LEASE_SECONDS = 30;
  private static final Duration MAX_WAIT = Duration.ofSeconds(LEASE_SECONDS);

  private final RedisExtension redis;

  private RedisSharedLocks(RedisExtension redis) {
    this.redis = redis;
  }

  /** The locks of {@code cache}'s Redis, or null if it is not on Redis. */
  static SharedLocks of(io.larder.Cache cache) {
    try {
      return new RedisSharedLocks(cache.unwrap(RedisExtension.class));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Held acquire(String key) {
    RedisLock lock = redis.lock("larder-jcache-lock:" + key, Timeout.seconds(LEASE_SECONDS));
    if (!lock.acquire(MAX_WAIT)) {
      throw new CacheException(
          "The Redis lock of key '" + key + "' was not released within " + LEASE_SECONDS
              + " seconds");
    }
    return lock::close;
  }
}
