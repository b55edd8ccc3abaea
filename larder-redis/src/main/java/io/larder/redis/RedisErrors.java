package io.larder.redis;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.CacheSettings;

/**
 * Larder's two Redis errors, worded once for both clients (Lettuce and Jedis): a server that
 * answered no is <em>refused</em>, one that could not be reached or is not ready is
 * <em>unavailable</em>. Both name the cache and the server, never its password.
 */
final class RedisErrors {
  private final String alias;
  private final String location;

  RedisErrors(CacheSettings settings) {
    this.alias = settings.alias();
    this.location = settings.displayLocation();
  }

  BackendRefusedException refused(String operation, RuntimeException error) {
    return new BackendRefusedException(
        "Cache '"
            + alias
            + "': Redis at "
            + location
            + " refused "
            + operation
            + ": "
            + error.getMessage(),
        error);
  }

  BackendUnavailableException unavailable(String operation, Throwable error) {
    return new BackendUnavailableException(
        "Cache '"
            + alias
            + "': "
            + operation
            + " failed on Redis at "
            + location
            + ": "
            + (error instanceof RuntimeException ? error.getMessage() : String.valueOf(error)),
        error);
  }

  BackendUnavailableException timedOut(String operation, Throwable error) {
    return new BackendUnavailableException(
        "Cache '" + alias + "': " + operation + " timed out on Redis at " + location, error);
  }

  BackendUnavailableException interrupted(String operation, InterruptedException error) {
    return new BackendUnavailableException(
        "Cache '" + alias + "': interrupted waiting for " + operation + " on Redis at " + location,
        error);
  }
}
