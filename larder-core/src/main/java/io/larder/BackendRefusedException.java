package io.larder;

/**
 * The server behind a cache answered, and said no: a value of the wrong type, out of memory, a
 * value too large for it, a constraint. Unlike {@link BackendUnavailableException} this is always
 * raised, even by a cache that fails open ({@code ignore_exceptions}), because retrying later or
 * pretending to miss would hide a bug or lose data, as django-redis only swallows connection
 * errors.
 *
 * <pre>{@code
 * try {
 *   cache.incr("greeting");
 * } catch (BackendRefusedException e) {
 *   log.error("Redis refused: {}", e.getMessage());   // e.g. WRONGTYPE
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class BackendRefusedException extends CacheException {
  /**
   * A refusal with the backend's own error as its cause.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   * @param cause the underlying failure; may be null
   */
  public BackendRefusedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A refusal that Larder detects itself.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   */
  public BackendRefusedException(String message) {
    super(message);
  }
}
