package io.larder.locmem;

/**
 * One stored value and when it expires. Immutable: a write replaces the entry, so readers need no
 * lock.
 */
record Entry(Object value, long expiresAtMillis) {
  /** Django's rule: an entry has expired once its expiry time is not after now. */
  boolean isLiveAt(long nowMillis) {
    return expiresAtMillis > nowMillis;
  }
}
