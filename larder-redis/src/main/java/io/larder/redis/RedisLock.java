package io.larder.redis;

import java.time.Duration;

/**
 * A lock shared by every process using the same Redis: a random token stored with {@code SET NX
 * PX}, released only by its holder (compare-and-delete in one script), expiring by itself so a
 * crashed holder cannot keep it forever. Not reentrant. Closing releases it if held, so it works in
 * try-with-resources:
 *
 * <pre>{@code
 * try (RedisLock lock = cache.unwrap(RedisExtension.class).lock("import", Timeout.seconds(30))) {
 *   if (!lock.acquire(Duration.ofSeconds(2))) {
 *     return; // someone else is importing
 *   }
 *   runImport();
 * }
 * }</pre>
 *
 * <p>Lock operations never fail open: a server that cannot be reached throws {@link
 * io.larder.BackendUnavailableException}.
 *
 * @since 0.1
 */
public interface RedisLock extends AutoCloseable {
  /**
   * The lock's key in Redis.
   *
   * @return the made key the lock is stored under
   */
  String key();

  /**
   * Takes the lock if it is free. Never blocks.
   *
   * @return true if this lock now holds it
   */
  boolean tryAcquire();

  /**
   * Takes the lock, waiting at most {@code maxWait} for its holder to release it or for it to
   * expire.
   *
   * @param maxWait the longest to wait
   * @return true if this lock now holds it, false if {@code maxWait} passed first
   */
  boolean acquire(Duration maxWait);

  /**
   * Whether this lock still holds it.
   *
   * @return true if it has not expired or been taken over
   */
  boolean isHeld();

  /**
   * Releases the lock if this lock still holds it.
   *
   * @return true if it did; false if it had expired or another process holds it now
   */
  boolean release();

  /** Releases the lock if held. */
  @Override
  void close();
}
