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
  public CacheException(String message) {
    super(message);
  }

  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
