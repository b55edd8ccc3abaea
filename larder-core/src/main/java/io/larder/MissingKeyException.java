package io.larder;

/**
 * {@code incr}, {@code decr}, {@code incrVersion} or {@code decrVersion} was called on a key that is
 * not in the cache (Django raises {@code ValueError("Key '...' not found")}).
 *
 * @since 0.1
 */
public class MissingKeyException extends CacheException {
  /** The caller's key. */
  private final String key;

  /**
   * A miss on {@code key}.
   *
   * @param key the caller's key, as the message shows it
   */
  public MissingKeyException(String key) {
    super("Key '" + key + "' not found");
    this.key = key;
  }

  /**
   * The key that was missing.
   *
   * @return the caller's key, without {@code key_prefix} or version
   */
  public String key() {
    return key;
  }
}
