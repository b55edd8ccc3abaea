package io.larder.locmem;

/** A stored value (the object, or its bytes when storing by value) and when it expires. */
record Entry(Object value, long expiresAtMillis) {}
