package io.larder.web.session;

import io.larder.CacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code backends.cached_db}: every write goes to the database first, then to the cache;
 * reads try the cache first, so a cached session costs no query. The database is the truth: a
 * cache that fails or was flushed only costs a query, never a session or a write.
 */
final class CachedDbSessionStore implements SessionStore {
  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);

  private final CacheSessionStore cache;
  private final CacheSessionStore database;

  CachedDbSessionStore(CacheSessionStore cache, CacheSessionStore database) {
    this.cache = cache;
    this.database = database;
  }

  @Override
  public SessionRecord load(String key) {
    SessionRecord record = cache.load(key);
    if (record != null) {
      return record;
    }
    record = database.load(key);
    if (record != null) {
      refresh(key, record);
    }
    return record;
  }

  @Override
  public boolean create(String key, SessionRecord record) {
    if (!database.create(key, record)) {
      return false;
    }
    refresh(key, record);
    return true;
  }

  @Override
  public boolean update(String key, SessionRecord record) {
    if (!database.update(key, record)) {
      forget(key);
      return false;
    }
    refresh(key, record);
    return true;
  }

  @Override
  public void delete(String key) {
    database.delete(key);
    forget(key);
  }

  /**
   * Puts the database's copy in the cache. When that fails the cache may still hold an older copy,
   * so it is deleted; the next read then goes to the database.
   */
  private void refresh(String key, SessionRecord record) {
    try {
      cache.put(key, record);
    } catch (CacheException e) {
      log.warn(
          "Sessions: error saving to cache '{}' (the database has the session): {}",
          cache.alias(),
          e.toString());
      forget(key);
    }
  }

  private void forget(String key) {
    try {
      cache.delete(key);
    } catch (CacheException e) {
      log.error(
          "Sessions: cache '{}' could not delete a session it may still hold; it expires with"
              + " its timeout: {}",
          cache.alias(),
          e.toString());
    }
  }
}
