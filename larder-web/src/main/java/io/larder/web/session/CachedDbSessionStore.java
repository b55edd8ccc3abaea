package io.larder.web.session;

import io.larder.CacheException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code backends.cached_db}: every write goes to the database first, then to the cache;
 * reads try the cache first, so a cached session costs no query. The database is the truth: a
 * cache that fails or was flushed only costs a query, never a session or a write.
 *
 * <p>When the cache fails to take a write, it may still hold an older copy, and come back with it
 * (a network outage rather than a restart). Django then serves the old copy; here the keys whose
 * cache copy could not be updated are remembered, and read from the database until the cache
 * takes their current copy. The memory is this process's: another node in front of the same cache
 * does not share it.
 */
final class CachedDbSessionStore implements SessionStore {
  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);
  /** Bounds the memory an outage can take; past it, older copies may be served as in Django. */
  private static final int MAX_UNSYNCED = 100_000;

  private final CacheSessionStore cache;
  private final CacheSessionStore database;
  private final Set<String> unsynced = ConcurrentHashMap.newKeySet();

  CachedDbSessionStore(CacheSessionStore cache, CacheSessionStore database) {
    this.cache = cache;
    this.database = database;
  }

  @Override
  public SessionRecord load(String key) {
    if (!unsynced.contains(key)) {
      SessionRecord record = cache.load(key);
      if (record != null) {
        return record;
      }
    }
    SessionRecord record = database.load(key);
    if (record != null) {
      refresh(key, record);
    } else {
      forget(key);
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

  /** Never: the database copy is checked not to fail open when the filter is made. */
  @Override
  public boolean failsOpen() {
    return false;
  }

  /** Puts the database's copy in the cache; if that fails, the cache's copy is not trusted. */
  private void refresh(String key, SessionRecord record) {
    try {
      cache.put(key, record);
      unsynced.remove(key);
    } catch (CacheException e) {
      log.warn(
          "Sessions: error saving to cache '{}' (the database has the session): {}",
          cache.alias(),
          e.toString());
      distrust(key);
    }
  }

  /** Removes the cache's copy of a session the database no longer has. */
  private void forget(String key) {
    try {
      cache.delete(key);
      unsynced.remove(key);
    } catch (CacheException e) {
      log.warn("Sessions: cache '{}' could not delete a session: {}", cache.alias(), e.toString());
      distrust(key);
    }
  }

  private void distrust(String key) {
    if (unsynced.size() < MAX_UNSYNCED) {
      unsynced.add(key);
    } else {
      log.error(
          "Sessions: more than {} sessions could not be written to cache '{}'; if it comes back"
              + " with its old contents, older copies of the others may be served until they"
              + " expire",
          MAX_UNSYNCED,
          cache.alias());
    }
  }
}
