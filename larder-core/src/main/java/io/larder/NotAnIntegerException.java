package io.larder;

/**
 * {@code incr} or {@code decr} was called on a key whose value is not an integer.
 *
 * @since 0.1
 */
public class NotAnIntegerException extends CacheException {
  public NotAnIntegerException(String key, Object value) {
    super(
        "Key '"
            + key
            + "' holds "
            + (value == null ? "null" : "a " + value.getClass().getName())
            + ", not an integer: it cannot be incremented");
  }
}
