package io.larder;

/**
 * The store behind a cache could not be reached or failed: a server that is down, a lost
 * connection, a directory that cannot be written. With {@code options.ignore_exceptions: true} the
 * cache fails open instead: reads miss, writes are dropped, and the failure is logged and counted.
 *
 * @since 0.1
 */
public class BackendUnavailableException extends CacheException {
  /**
   * A failure with the client's own error (a connection refused, a timeout) as its cause.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   * @param cause the underlying failure; may be null
   */
  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failure that Larder detects itself.
   *
   * @param message what went wrong, naming the cache, key or setting concerned
   */
  public BackendUnavailableException(String message) {
    super(message);
  }
}
