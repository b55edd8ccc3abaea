package io.larder.redis;

import io.larder.BackendUnavailableException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code options.stampede_lock}: a {@code getOrSet} miss takes a {@link DistributedLock} on {@code
 * <key>:lock}, so that one process computes the value while the others poll for it, for at most
 * {@code options.stampede_wait}; a waiter that sees the lock freed without a value takes it itself,
 * and one that waits too long computes the value rather than fail. Without Redis there is nothing
 * to coordinate on, and the value is computed as if there were no lock.
 */
final class StampedeLock {
  private static final long MAX_POLL_NANOS = Duration.ofMillis(50).toNanos();
  private static final Logger log = LoggerFactory.getLogger(StampedeLock.class);

  private final GuardedConnection redis;
  private final RedisOptions options;
  private final String alias;

  StampedeLock(GuardedConnection redis, RedisOptions options, String alias) {
    this.redis = redis;
    this.options = options;
    this.alias = alias;
  }

  /**
   * The value of {@code key}: what {@code stored} reads once it is not {@code absent}, or what
   * {@code compute} (which stores it) returns in the one process that holds the lock.
   */
  Object compute(String key, Supplier<Object> stored, Object absent, Supplier<Object> compute) {
    try {
      return underLock(key, stored, absent, compute);
    } catch (BackendUnavailableException e) {
      log.warn("Cache '{}': stampede lock for '{}' unavailable: {}", alias, key, e.getMessage());
      return compute.get();
    }
  }

  private Object underLock(
      String key, Supplier<Object> stored, Object absent, Supplier<Object> compute) {
    DistributedLock lock = new DistributedLock(redis, key + ":lock", options.stampedeLockTimeout());
    long deadline = System.nanoTime() + options.stampedeWait().toNanos();
    long pause = Duration.ofMillis(2).toNanos();
    while (true) {
      if (lock.tryAcquire()) {
        Object value;
        try {
          value = stored.get();
        } catch (BackendUnavailableException e) {
          releaseQuietly(lock);
          throw e;
        }
        try {
          return value != absent ? value : compute.get();
        } finally {
          releaseQuietly(lock);
        }
      }
      Object value = stored.get();
      if (value != absent) {
        return value;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        log.warn(
            "Cache '{}': waited {} for '{}' to be computed; computing it here",
            alias,
            options.stampedeWait(),
            key);
        return compute.get();
      }
      // Polling: the holder's store is not signalled to the other processes.
      LockSupport.parkNanos(Math.min(left, pause));
      pause = Math.min(pause * 2, MAX_POLL_NANOS);
    }
  }

  /** Releases the lock; if Redis is gone, the lock's own timeout frees it. */
  private void releaseQuietly(DistributedLock lock) {
    try {
      lock.release();
    } catch (BackendUnavailableException e) {
      log.warn("Cache '{}': stampede lock {} not released: {}", alias, lock.key(), e.getMessage());
    }
  }
}
