package io.larder.hazelcast;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.hazelcast.core.EntryView;
import com.hazelcast.map.IMap;
import io.larder.BackendUnavailableException;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.util.function.LongSupplier;

/**
 * {@code incr} by stock calls, for members without Larder's entry processors: under the key's lock,
 * read the entry with its expiry time ({@code getEntryView}), add here, and write the sum back with
 * the time the entry had left to live. Every IMap write of the key (set, delete, add, touch,
 * another client's {@code incr}) waits for the lock, so no increment is lost and nothing slips
 * between the read and the write.
 *
 * <p>Not a compare-and-set loop of {@code replace(key, old, new)}: {@code replace} drops the
 * entry's time to live, and restoring it with {@code setTtl} afterwards leaves a moment in which
 * another {@code incr} reads the entry without an expiry and writes it back so, for good.
 *
 * <p>The time left is the entry's expiry time (by the member's clock, in whole seconds) less this
 * JVM's view of the cluster's time, rounded up to a whole second and never more than the entry's
 * own time to live: the expiry time is kept to the second, never earlier, where the clocks agree.
 */
final class LockedIncrement {
  private final IMap<String, byte[]> map;
  private final StoreContext context;
  private final LongSupplier clusterMillis;
  private final long waitSeconds;
  private final long leaseSeconds;

  /**
   * @param clusterMillis the cluster's time as this JVM knows it, in epoch milliseconds
   * @param waitSeconds how long an {@code incr} waits for the key's lock
   * @param leaseSeconds how long a lock lives at most, should its holder stall
   */
  LockedIncrement(
      IMap<String, byte[]> map,
      StoreContext context,
      LongSupplier clusterMillis,
      long waitSeconds,
      long leaseSeconds) {
    this.map = map;
    this.context = context;
    this.clusterMillis = clusterMillis;
    this.waitSeconds = waitSeconds;
    this.leaseSeconds = leaseSeconds;
  }

  /**
   * The integer under {@code key} plus {@code delta}, stored with the entry's expiry time; {@link
   * CacheStore#MISSING} for an absent key.
   *
   * @throws BackendUnavailableException if the key's lock is not free within the wait
   */
  Object add(String key, long delta) {
    lock(key);
    try {
      EntryView<String, byte[]> entry = map.getEntryView(key);
      if (entry == null) {
        return CacheStore.MISSING;
      }
      Object next = Increments.add(key, context.deserialize(entry.getValue()), delta);
      map.set(key, context.serialize(next), secondsLeft(entry), SECONDS);
      return next;
    } finally {
      unlock(key);
    }
  }

  private void lock(String key) {
    boolean locked;
    try {
      locked = map.tryLock(key, waitSeconds, SECONDS, leaseSeconds, SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(
          "Cache '" + context.alias() + "': interrupted waiting for a key's lock to incr it", e);
    }
    if (!locked) {
      throw new BackendUnavailableException(
          "Cache '"
              + context.alias()
              + "': incr waited "
              + waitSeconds
              + " s for the key's lock (held by another incr, or by a client that stalled holding"
              + " it; a lock lives "
              + leaseSeconds
              + " s at most)");
    }
  }

  /**
   * Frees the key. A failure here is not the caller's: the sum is written (or the call has failed
   * already), and the lease or the member's clean-up of a lost client frees the lock.
   */
  private void unlock(String key) {
    try {
      map.unlock(key);
    } catch (RuntimeException leaseOrClusterGone) {
      // See above: nothing for the caller to do.
    }
  }

  /** Whole seconds the entry has left, at least 1; 0 (Hazelcast's "none") for no expiry. */
  private long secondsLeft(EntryView<String, byte[]> entry) {
    if (entry.getTtl() == Long.MAX_VALUE || entry.getExpirationTime() == Long.MAX_VALUE) {
      return 0;
    }
    long millisLeft = entry.getExpirationTime() - clusterMillis.getAsLong();
    long ownSeconds = Math.max(1, (entry.getTtl() + 999) / 1000);
    return Math.min(ownSeconds, Math.max(1, (millisLeft + 999) / 1000));
  }
}
