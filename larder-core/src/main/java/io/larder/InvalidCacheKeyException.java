package io.larder;


/**
 * A key a backend cannot store (Django's {@code InvalidCacheKey}): by memcached's rules, longer
 * than 250 characters or holding a control character, a space or DEL. Backends that speak a text
 * protocol raise it before the key reaches the wire; the others log a warning instead.
 *
 * @since 0.1
 */
public class InvalidCacheKeyException extends CacheException {
  /**
   * A key the backend cannot store.
   *
   * @param message which key, and which of memcached's rules it breaks
   */
  public InvalidCacheKeyException(String message) {
    super(message);
  }
}
