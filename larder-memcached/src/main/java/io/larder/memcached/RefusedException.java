package io.larder.memcached;

import io.larder.CacheException;

/**
 * A memcached server answered a command with an error ({@code CLIENT_ERROR}, {@code SERVER_ERROR}):
 * it is up, but would not do this. The cache turns the ones it expects into their own errors (an
 * item too large, an incr of a value that is not a counter).
 */
final class RefusedException extends CacheException {
  RefusedException(String message) {
    super(message);
  }
}
