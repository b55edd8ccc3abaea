package io.larder.jcache;

/** A store's per-key locks that every process sharing the store honours. */
interface SharedLocks {
  /**
   * Takes the lock of {@code key}, waiting for another process to release it.
   *
   * @throws javax.cache.CacheException if it cannot be had in the store's wait limit
   */
  Held acquire(String key);

  /** A lock held; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The shared locks of {@code cache}'s store, or null if it offers none: Redis's, when
   * larder-redis is on the class path and the cache is on Redis.
   */
  static SharedLocks of(io.larder.Cache cache) {
    try {
      Class.forName("io.larder.redis.RedisExtension", false, SharedLocks.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    return RedisSharedLocks.of(cache);
  }
}
