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
 * RedisCache redis = cache.unwrap(RedisCache.class);
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
public interface RedisCache {

  /**
   * The time {@code key} has left, in whole seconds (Redis {@code TTL}): {@link Timeout#NEVER} if
   * it never expires, a zero timeout if it is absent.
   */
  Timeout ttl(String key);

  /** As {@link #ttl}, in milliseconds (Redis {@code PTTL}). */
  Timeout pttl(String key);

  /**
   * Gives an existing key a new expiry of {@code timeout} ({@code PEXPIRE}); zero or less deletes
   * it. {@link #persist} removes the expiry; {@link Cache#touch} takes a {@link Timeout}.
   *
   * @return true if the key existed
   */
  boolean expire(String key, Duration timeout);

  /**
   * Makes an existing key expire at {@code when} ({@code PEXPIREAT}); a time in the past deletes
   * it.
   *
   * @return true if the key existed
   */
  boolean expireAt(String key, Instant when);

  /**
   * Removes the expiry of {@code key} ({@code PERSIST}).
   *
   * @return true if the key existed and had an expiry
   */
  boolean persist(String key);

  /**
   * The caller's keys matching {@code pattern} (e.g. {@code "session:*"}), found with {@code SCAN},
   * so that even a large database is never blocked as {@code KEYS} would block it.
   */
  List<String> keys(String pattern);

  /**
   * The caller's keys matching {@code pattern}, read lazily: each {@code SCAN} batch is fetched as
   * the stream reaches it. Keys changed meanwhile may or may not be seen, as with {@code SCAN}.
   */
  Stream<String> iterKeys(String pattern);

  /**
   * Deletes the keys matching {@code pattern}, in {@code SCAN} batches of {@code
   * options.scan_count}.
   *
   * @return how many keys were deleted
   */
  long deletePattern(String pattern);

  /**
   * {@link Cache#incr(String, long)}, or with {@code ignoreKeyCheck} a plain {@code INCRBY} that
   * creates a missing key at {@code delta}, with no expiry (django-redis's {@code
   * ignore_key_check=True}).
   *
   * @throws io.larder.NotAnIntegerException if the value is not an integer
   */
  long incr(String key, long delta, boolean ignoreKeyCheck);

  /**
   * A distributed lock named {@code name} (stored under the made key of {@code name}) that expires
   * after {@code timeout} ({@link Timeout#NEVER}: held until released), so a crashed holder cannot
   * keep it. Nothing is taken until {@link RedisLock#acquire} or {@link RedisLock#tryAcquire}.
   */
  RedisLock lock(String name, Timeout timeout);

  /**
   * The Lettuce connection the cache uses, for anything else; values are bytes. Keys sent on it are
   * raw: make them with {@link Cache#makeKey} to stay in the cache's namespace.
   */
  StatefulConnection<byte[], byte[]> connection();

  /**
   * The synchronous commands of {@link #connection()}: a {@code RedisCommands} for one server or
   * primary/replicas, a {@code RedisAdvancedClusterCommands} for a cluster.
   */
  RedisClusterCommands<byte[], byte[]> commands();
}
