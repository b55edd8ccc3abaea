package io.larder.memcached;

import io.larder.SerializationException;

/**
 * A value is larger than the memcached server accepts ({@code options.max_item_size}, 1 MB by
 * default, as memcached's {@code -I}). Django's memcached backends drop such a value silently and a
 * later {@code get} misses; Larder says so, naming the key and the size.
 *
 * <p>Raised before anything is sent, so the key keeps its old value. When the server itself refuses
 * (its {@code -I} is below {@code max_item_size}), memcached has already dropped the old value.
 *
 * @since 0.1
 */
public final class ValueTooLargeException extends SerializationException {
  /** The made key. */
  private final String key;

  /** The value's size in bytes, serialized and compressed. */
  private final long size;

  /** The limit it is over, in bytes. */
  private final long limit;

  ValueTooLargeException(String alias, String key, long size, long limit, String detail) {
    super(
        "Cache '"
            + alias
            + "': the value for key '"
            + key
            + "' is "
            + size
            + " bytes, over the memcached item size of "
            + limit
            + " bytes"
            + detail);
    this.key = key;
    this.size = size;
    this.limit = limit;
  }

  /**
   * The made key.
   *
   * @return the key as stored (prefix and version included)
   */
  public String key() {
    return key;
  }

  /**
   * The value's size in bytes, serialized and compressed.
   *
   * @return the size in bytes
   */
  public long size() {
    return size;
  }

  /**
   * The limit it is over.
   *
   * @return the item size limit in bytes
   */
  public long limit() {
    return limit;
  }
}
