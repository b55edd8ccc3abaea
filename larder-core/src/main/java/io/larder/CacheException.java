package io.larder;

/**
 * The root of every error Larder raises. Unchecked, like Django's cache errors.
 *
 * <p>The subclasses say what went wrong: {@link InvalidConfigurationException}, {@link
 * InvalidCacheKeyException}, {@link SerializationException}, {@link MissingKeyException}, {@link
 * NotAnIntegerException} and {@link BackendUnavailableException}.
 *
 * @since 0.1
 */
public class CacheException extends RuntimeException {
  /**
   * A failure without an underlying cause.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   */
  public CacheException(String message) {
    super(message);
  }

  /**
   * A failure caused by another.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   * @param cause the underlying failure; may be null
   */
  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
