package io.larder.redis;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.MissingKeyException;
import io.larder.NotAnIntegerException;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Keys;
import io.larder.spi.StoreContext;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * django-redis's extras ({@link RedisExtension}) for one cache handle: made with its {@link Keys}, so
 * that {@code cache.withVersion(2).unwrap(RedisExtension.class)} works at version 2.
 */
final class RedisExtras implements RedisExtension {
  private final StoreContext context;
  private final RedisOptions options;
  private final GuardedConnection redis;
  private final KeyPatterns patterns;
  private final RedisStore store;
  private final Keys keys;

  RedisExtras(
      StoreContext context,
      RedisOptions options,
      GuardedConnection redis,
      KeyPatterns patterns,
      RedisStore store,
      Keys keys) {
    this.context = context;
    this.options = options;
    this.redis = redis;
    this.patterns = patterns;
    this.store = store;
    this.keys = keys;
  }

  private String made(String key) {
    return keys.make(key);
  }

  /** Runs an extra so that it fails open as the cache does, answering {@code whenDown}. */
  private <T> T failingOpen(String operation, String key, T whenDown, Supplier<T> extra) {
    try {
      return extra.get();
    } catch (BackendUnavailableException e) {
      context.failOpen(e, operation, key);
      return whenDown;
    }
  }

  @Override
  public Timeout ttl(String key) {
    byte[] raw = RedisStore.raw(made(key));
    return failingOpen(
        "ttl", key, Timeout.seconds(0), () -> remaining(redis.call("ttl", c -> c.ttl(raw)), 1000));
  }

  @Override
  public Timeout pttl(String key) {
    byte[] raw = RedisStore.raw(made(key));
    return failingOpen(
        "pttl", key, Timeout.seconds(0), () -> remaining(redis.call("pttl", c -> c.pttl(raw)), 1));
  }

  /** Redis answers -2 for an absent key and -1 for one that never expires. */
  private static Timeout remaining(long left, long millisPerUnit) {
    return left == -1 ? Timeout.NEVER : Timeout.millis(Math.max(0, left) * millisPerUnit);
  }

  @Override
  public boolean expire(String key, Duration timeout) {
    byte[] raw = RedisStore.raw(made(key));
    return failingOpen(
        "expire", key, false, () -> redis.call("expire", c -> c.pexpire(raw, timeout.toMillis())));
  }

  @Override
  public boolean expireAt(String key, Instant when) {
    byte[] raw = RedisStore.raw(made(key));
    return failingOpen(
        "expire_at",
        key,
        false,
        () -> redis.call("expire_at", c -> c.pexpireat(raw, when.toEpochMilli())));
  }

  @Override
  public boolean persist(String key) {
    byte[] raw = RedisStore.raw(made(key));
    return failingOpen("persist", key, false, () -> redis.call("persist", c -> c.persist(raw)));
  }

  @Override
  public List<String> keys(String pattern) {
    return failingOpen(
        "keys",
        pattern,
        List.of(),
        () -> {
          try (Stream<String> keys = iterKeys(pattern)) {
            return keys.toList();
          }
        });
  }

  @Override
  public Stream<String> iterKeys(String pattern) {
    Iterator<byte[]> scan =
        failingOpen(
            "iter_keys",
            pattern,
            Collections.emptyIterator(),
            () -> store.scan("iter_keys", patterns.pattern(pattern)));
    Iterator<String> keys =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return scan.hasNext();
            } catch (RedisException e) {
              throw redis.errors().unavailable("iter_keys", e);
            }
          }

          @Override
          public String next() {
            return patterns.callerKey(new String(scan.next(), StandardCharsets.UTF_8));
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public long deletePattern(String pattern) {
    return failingOpen(
        "delete_pattern",
        pattern,
        0L,
        () -> store.deleteMatching("delete_pattern", patterns.pattern(pattern)));
  }

  @Override
  public long incr(String key, long delta, boolean ignoreKeyCheck) {
    String made = made(key);
    if (!ignoreKeyCheck) {
      Object next = store.increment(made, delta, context.settings().timeout());
      if (next == CacheStore.MISSING) {
        throw new MissingKeyException(key);
      }
      return ((Number) next).longValue();
    }
    byte[] raw = RedisStore.raw(made);
    try {
      return redis.call("incr", c -> c.incrby(raw, delta));
    } catch (BackendRefusedException e) {
      throw new NotAnIntegerException(key, store.load(made));
    }
  }

  @Override
  public RedisLock lock(String name, Timeout timeout) {
    return new DistributedLock(redis, made(name), timeout);
  }

  @Override
  public StatefulConnection<byte[], byte[]> connection() {
    return redis.connection();
  }

  @Override
  public RedisClusterCommands<byte[], byte[]> commands() {
    return redis.commands();
  }
}
