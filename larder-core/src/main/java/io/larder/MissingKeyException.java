package io.larder;

/**
 * {@code incr}, {@code decr}, {@code incrVersion} or {@code decrVersion} was called on a key that is
 * not in the cache (Django raises {@code ValueError("Key '...' not found")}).
 *
 * @since 0.1
 */
public class MissingKeyException extends CacheException {
  private final String key;

  public MissingKeyException(String key) {
    super("Key '" + key + "' not found");
    this.key = key;
  }

  /** The caller's key. */
  public String key() {
    return key;
  }
}
