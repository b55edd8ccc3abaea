package io.larder.locmem;

/** A stored value (the object, or its bytes when storing by value) and when it expires. */
record Entry(Object value, long expiresAtMillis) {
  /** Django's rule: an entry has expired once its expiry time is not after now. */
  boolean isLiveAt(long nowMillis) {
    return expiresAtMillis > nowMillis;
  }
}
