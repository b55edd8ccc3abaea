package io.larder.hazelcast;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.exception.RetryableException;
import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.CacheException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Hazelcast's exceptions in Larder's terms, once, after the client's own retries: a cluster that
 * cannot be reached in time is unavailable (a cache that fails open misses); anything the cluster
 * answered with is a refusal.
 */
final class Failures {
  /** The package of the entry processors that run on the members. */
  private static final String MEMBER_CLASSES = ReplaceKeepingExpiry.class.getPackageName() + ".";

  private final String alias;
  private final String cluster;

  Failures(String alias, String cluster) {
    this.alias = alias;
    this.cluster = cluster;
  }

  /** {@code e} as Larder's exception; a Larder exception, or a bug of ours, passes unchanged. */
  RuntimeException translate(Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof CacheException ce) {
      return ce;
    }
    if (isUnreachable(cause)) {
      return new BackendUnavailableException(
          "Cache '" + alias + "': " + cluster + " could not be reached: " + cause.getMessage(),
          cause);
    }
    if (lacksLarderClasses(cause)) {
      return new BackendRefusedException(
          "Cache '"
              + alias
              + "': with options.entry_processors true, incr, and add and touch through async(),"
              + " run Larder's entry processors ("
              + MEMBER_CLASSES
              + "*) on the members of "
              + cluster
              + ", which do not have them: put the larder-hazelcast jar on their class path, or set"
              + " entry_processors to auto or false for stock calls (see docs/hazelcast.md)",
          cause);
    }
    if (cause instanceof HazelcastException) {
      return new BackendRefusedException(
          "Cache '" + alias + "': " + cluster + " refused: " + cause.getMessage(), cause);
    }
    return cause instanceof RuntimeException re ? re : new CompletionException(cause);
  }

  /**
   * Unavailable, outcome unknown: a member without Larder's entry processors joined while one was
   * sent, and it may have taken effect on an owner that has them before failing on that member.
   */
  BackendUnavailableException joinedWithoutLarderClasses(Throwable cause) {
    return new BackendUnavailableException(
        "Cache '"
            + alias
            + "': a member of "
            + cluster
            + " without Larder's entry processors ("
            + MEMBER_CLASSES
            + "*) answered this call, which may or may not have taken effect; the cache uses stock"
            + " calls from now on (see docs/hazelcast.md)",
        unwrap(cause));
  }

  /** Unavailable because the first connection was not made within {@code millis}. */
  BackendUnavailableException neverConnected(long millis) {
    return new BackendUnavailableException(
        "Cache '"
            + alias
            + "': "
            + cluster
            + " accepted no connection within "
            + millis
            + " ms: check that its members run at those addresses and that the cluster name"
            + " matches (members of another cluster name refuse the client)");
  }

  /**
   * True if {@code e} says a member could not load one of Larder's entry processors: the member
   * refused the call before running anything, so it may be made again by stock calls.
   */
  static boolean lacksLarderClasses(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HazelcastSerializationException
          && String.valueOf(cause.getMessage()).contains(MEMBER_CLASSES)) {
        return true;
      }
    }
    return false;
  }

  static boolean isUnreachable(Throwable e) {
    return e instanceof HazelcastClientOfflineException
        || e instanceof OperationTimeoutException
        || e instanceof HazelcastInstanceNotActiveException
        || e instanceof MemberLeftException
        || e instanceof RetryableException
        || e instanceof IOException
        || (e != null && e.getCause() instanceof IOException);
  }

  /** The failure inside a future's wrapping exceptions. */
  static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
