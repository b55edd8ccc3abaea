package io.larder.web.session;

import io.larder.Cache;
import io.larder.CacheException;
import io.larder.spi.CommonOptions;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in one cache, under the engine's prefix + key ({@code
 * django.contrib.sessions.cache<key>} for Django's {@code backends.cache}). For the cache engine a
 * read that fails is a miss, as in Django; the durable copy of {@code cached_db} throws instead, so
 * that a database that is down is an error, not a lost session. A write that fails always throws.
 */
final class CacheSessionStore implements SessionStore {
  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);

  private final Cache cache;
  private final String prefix;
  private final InstantSource clock;
  private final boolean readFailureIsMiss;
  private final int defaultAgeSeconds;

  CacheSessionStore(
      Cache cache,
      String prefix,
      InstantSource clock,
      boolean readFailureIsMiss,
      int defaultAgeSeconds) {
    this.cache = cache;
    this.prefix = prefix;
    this.clock = clock;
    this.readFailureIsMiss = readFailureIsMiss;
    this.defaultAgeSeconds = defaultAgeSeconds;
  }

  @Override
  public SessionRecord load(String key) {
    Object value;
    try {
      value = cache.get(prefix + key);
    } catch (CacheException e) {
      if (!readFailureIsMiss) {
        throw e;
      }
      log.warn(
          "Sessions: cache '{}' could not be read, treated as a miss: {}", alias(), e.toString());
      return null;
    }
    long now = clock.millis();
    SessionRecord record = SessionRecord.fromMap(value, now, defaultAgeSeconds);
    return record == null || record.isExpired(now) ? null : record;
  }

  @Override
  public boolean create(String key, SessionRecord record) {
    return cache.add(prefix + key, record.toMap(), record.remaining(clock.millis()));
  }

  @Override
  public boolean update(String key, SessionRecord record) {
    if (!cache.hasKey(prefix + key)) {
      return false;
    }
    cache.set(prefix + key, record.toMap(), record.remaining(clock.millis()));
    return true;
  }

  @Override
  public void delete(String key) {
    cache.delete(prefix + key);
  }

  @Override
  public boolean failsOpen() {
    return CommonOptions.IGNORE_EXCEPTIONS.from(cache.settings());
  }

  /** Writes {@code record} unconditionally: the cache copy of a cached_db session. */
  void put(String key, SessionRecord record) {
    cache.set(prefix + key, record.toMap(), record.remaining(clock.millis()));
  }

  String alias() {
    return cache.settings().alias();
  }
}
