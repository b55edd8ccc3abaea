package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Hazelcast instance (client or member) as the caches that share it see it: the instance, for
 * a client whether it has ever reached the cluster, and whether the members have Larder's classes.
 * A client starts without waiting for the cluster, so that an application starts while the cache is
 * down; its first calls wait, bounded, for the first connection instead of failing at once.
 */
final class Cluster {
  private final HazelcastInstance instance;
  private final CompletableFuture<Void> firstConnection;
  private final LarderClasses larderClasses;

  /** {@code firstConnection} completes when the client first reaches the cluster. */
  Cluster(HazelcastInstance instance, CompletableFuture<Void> firstConnection) {
    this.instance = instance;
    this.firstConnection = firstConnection;
    this.larderClasses = new LarderClasses(instance);
  }

  /** A member, or an instance the application made: connected as far as Larder can tell. */
  static Cluster connected(HazelcastInstance instance) {
    return new Cluster(instance, CompletableFuture.completedFuture(null));
  }

  HazelcastInstance instance() {
    return instance;
  }

  /** Whether the members can run Larder's entry processors. */
  LarderClasses larderClasses() {
    return larderClasses;
  }

  /** Waits up to {@code millis} for the first connection; true if the client has one. */
  boolean awaitFirstConnection(long millis) {
    try {
      firstConnection.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    }
  }

  /**
   * {@link #awaitFirstConnection} without a waiting thread: completes with true once the client has
   * a connection, or with false after {@code millis}.
   */
  CompletableFuture<Boolean> firstConnectionWithin(long millis) {
    return firstConnection
        .thenApply(connected -> true)
        .completeOnTimeout(false, millis, TimeUnit.MILLISECONDS);
  }
}
