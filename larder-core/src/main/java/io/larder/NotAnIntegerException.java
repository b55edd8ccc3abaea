package io.larder;

/**
 * {@code incr} or {@code decr} was called on a key whose value is not an integer.
 *
 * @since 0.1
 */
public class NotAnIntegerException extends CacheException {
  /**
   * A non-integer value under {@code key}.
   *
   * @param key the caller's key, as the message shows it
   * @param value the value found; its class, not the value itself, is shown, and it may be null
   */
  public NotAnIntegerException(String key, Object value) {
    super(
        "Key '"
            + key
            + "' holds "
            + (value == null ? "null" : "a " + value.getClass().getName())
            + ", not an integer: it cannot be incremented");
  }
}
