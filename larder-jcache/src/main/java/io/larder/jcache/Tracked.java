package io.larder.jcache;

/**
 * What the JCache layer remembers of an entry it wrote: the caller's key object (Larder stores the
 * key's string form, so iteration needs the object back) and the epoch millisecond its JCache
 * expiry ends, which an update whose expiry policy answers null keeps.
 */
record Tracked<K>(K key, long expiresAtMillis) {
  /** No JCache expiry is known: the store's own timeout decides (an entry another process wrote). */
  static final long UNKNOWN = Long.MIN_VALUE;

  static final long ETERNAL = Long.MAX_VALUE;

  boolean isExpiredAt(long nowMillis) {
    return expiresAtMillis != UNKNOWN && expiresAtMillis <= nowMillis;
  }
}
