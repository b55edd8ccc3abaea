package io.larder.redis;

import io.larder.Timeout;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link RedisLock} as redis-py's {@code Lock} stores it, so django-redis and Larder share locks.
 */
final class DistributedLock implements RedisLock {
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
          + "else return 0 end";
  private static final long MAX_POLL_NANOS = Duration.ofMillis(50).toNanos();

  private final GuardedConnection redis;
  private final String key;
  private final byte[] rawKey;
  private final Timeout timeout;
  private final byte[] token;

  DistributedLock(GuardedConnection redis, String key, Timeout timeout) {
    if (!timeout.isNever() && timeout.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "lock timeout must be 1 ms or more, or Timeout.NEVER; got " + timeout);
    }
    this.redis = redis;
    this.key = key;
    this.rawKey = key.getBytes(StandardCharsets.UTF_8);
    this.timeout = timeout;
    this.token = UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public boolean tryAcquire() {
    SetArgs args =
        timeout.isNever() ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(timeout.toMillis());
    return "OK".equals(redis.call("lock", c -> c.set(rawKey, token, args)));
  }

  @Override
  public boolean acquire(Duration maxWait) {
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    long pause = Duration.ofMillis(2).toNanos();
    while (true) {
      if (tryAcquire()) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      // Polling, as redis-py does: the holder's release is not signalled.
      LockSupport.parkNanos(Math.min(left, pause));
      pause = Math.min(pause * 2, MAX_POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  @Override
  public boolean isHeld() {
    return Arrays.equals(token, redis.call("lock", c -> c.get(rawKey)));
  }

  @Override
  public boolean release() {
    Long released =
        redis.call(
            "unlock", c -> c.eval(RELEASE, ScriptOutputType.INTEGER, new byte[][] {rawKey}, token));
    return released != null && released == 1;
  }

  @Override
  public void close() {
    release();
  }
}
