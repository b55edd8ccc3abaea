package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Hazelcast instance (client or member) as the caches that share it see it: the instance, and
 * for a client, whether it has ever reached the cluster. A client starts without waiting for the
 * cluster, so that an application starts while the cache is down; its first calls wait, bounded,
 * for the first connection instead of failing at once.
 */
final class Cluster {
  private final HazelcastInstance instance;
  private final CountDownLatch firstConnection;

  Cluster(HazelcastInstance instance, CountDownLatch firstConnection) {
    this.instance = instance;
    this.firstConnection = firstConnection;
  }

  /** A member, or an instance the application made: connected as far as Larder can tell. */
  static Cluster connected(HazelcastInstance instance) {
    return new Cluster(instance, new CountDownLatch(0));
  }

  HazelcastInstance instance() {
    return instance;
  }

  /** Waits up to {@code millis} for the first connection; true if the client has one. */
  boolean awaitFirstConnection(long millis) {
    try {
      return firstConnection.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
