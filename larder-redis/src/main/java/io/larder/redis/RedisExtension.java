package io.larder.redis;

import io.larder.Cache;
import io.larder.Timeout;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a Redis cache offers beyond Django's API: django-redis's extras, reached through {@link
 * Cache#unwrap}. Keys are the caller's keys, made with the cache's key function, prefix and
 * configured version, as {@link Cache} makes them; patterns are Redis glob patterns over the
 * caller's keys.
 *
 * <pre>{@code
 * RedisExtension redis = cache.unwrap(RedisExtension.class);
 * Timeout left = redis.ttl("session:42");                 // Timeout.NEVER if it never expires
 * redis.expire("session:42", Duration.ofMinutes(30));
 * long removed = redis.deletePattern("session:*");
 * try (RedisLock lock = redis.lock("nightly-report", Timeout.seconds(60))) {
 *   if (lock.acquire(Duration.ofSeconds(5))) {
 *     build();
 *   }
 * }
 * }</pre>
 *
 * <p>With {@code options.ignore_exceptions: true} these fail open as the cache does: reads answer
 * as for an absent key, writes report that nothing changed. {@link #incr}, locks, and a failure in
 * the middle of an {@link #iterKeys} stream always throw.
 *
 * @since 0.1
 */
public interface RedisExtension {

  /**
   * The time {@code key} has left, in whole seconds (Redis {@code TTL}): {@link Timeout#NEVER} if
   * it never expires, a zero timeout if it is absent.
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @return the time left
   */
  Timeout ttl(String key);

  /**
   * As {@link #ttl}, in milliseconds (Redis {@code PTTL}).
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @return the time left
   */
  Timeout pttl(String key);

  /**
   * Gives an existing key a new expiry of {@code timeout} ({@code PEXPIRE}); zero or less deletes
   * it. {@link #persist} removes the expiry; {@link Cache#touch} takes a {@link Timeout}.
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @param timeout the new time to live
   * @return true if the key existed
   */
  boolean expire(String key, Duration timeout);

  /**
   * Makes an existing key expire at {@code when} ({@code PEXPIREAT}); a time in the past deletes
   * it.
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @param when the moment it expires
   * @return true if the key existed
   */
  boolean expireAt(String key, Instant when);

  /**
   * Removes the expiry of {@code key} ({@code PERSIST}).
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @return true if the key existed and had an expiry
   */
  boolean persist(String key);

  /**
   * The caller's keys matching {@code pattern} (e.g. {@code "session:*"}), found with {@code SCAN},
   * so that even a large database is never blocked as {@code KEYS} would block it.
   *
   * @param pattern a Redis glob over the caller's keys, before the key function's prefix and
   *     version
   * @return the matching keys, as the caller named them
   */
  List<String> keys(String pattern);

  /**
   * The caller's keys matching {@code pattern}, read lazily: each {@code SCAN} batch is fetched as
   * the stream reaches it. Keys changed meanwhile may or may not be seen, as with {@code SCAN}.
   *
   * @param pattern a Redis glob over the caller's keys, before the key function's prefix and
   *     version
   * @return the matching keys, as the caller named them; close the stream to stop early
   */
  Stream<String> iterKeys(String pattern);

  /**
   * Deletes the keys matching {@code pattern}, in {@code SCAN} batches of {@code
   * options.scan_count}.
   *
   * @param pattern a Redis glob over the caller's keys, before the key function's prefix and
   *     version
   * @return how many keys were deleted
   */
  long deletePattern(String pattern);

  /**
   * {@link Cache#incr(String, long)}, or with {@code ignoreKeyCheck} a plain {@code INCRBY} that
   * creates a missing key at {@code delta}, with no expiry (django-redis's {@code
   * ignore_key_check=True}).
   *
   * @param key the key, as for every {@link Cache} operation (the key function makes the stored key)
   * @param delta what to add (negative to subtract)
   * @param ignoreKeyCheck whether a missing key is created at {@code delta} instead of refused
   * @return the new value
   * @throws io.larder.NotAnIntegerException if the value is not an integer
   */
  long incr(String key, long delta, boolean ignoreKeyCheck);

  /**
   * A distributed lock named {@code name} (stored under the made key of {@code name}) that expires
   * after {@code timeout} ({@link Timeout#NEVER}: held until released), so a crashed holder cannot
   * keep it. Nothing is taken until {@link RedisLock#acquire} or {@link RedisLock#tryAcquire}.
   *
   * @param name the lock's name, shared by every process that takes it
   * @param timeout how long a taken lock lasts unless released
   * @return the lock, not yet taken
   */
  RedisLock lock(String name, Timeout timeout);

  /**
   * The Lettuce connection the cache uses, for anything else; values are bytes. Keys sent on it are
   * raw: make them with {@link Cache#makeKey} to stay in the cache's namespace.
   *
   * @return the cache's connection; do not close it
   */
  StatefulConnection<byte[], byte[]> connection();

  /**
   * The synchronous commands of {@link #connection()}: a {@code RedisCommands} for one server or
   * primary/replicas, a {@code RedisAdvancedClusterCommands} for a cluster.
   *
   * @return the connection's synchronous commands
   */
  RedisClusterCommands<byte[], byte[]> commands();
}
