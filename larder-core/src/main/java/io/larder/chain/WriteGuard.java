package io.larder.chain;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Orders a chain's writes and refills per key (striped by hash), so that within a process, once a
 * write ({@code set}, {@code delete}, {@code add}, {@code incr}, {@code touch}, {@code clear}) has
 * returned, no read sees the value it replaced in any tier:
 *
 * <ul>
 *   <li>a write runs under its key's lock and changes the key's stamp as it starts and as it ends,
 *       so two writes to a key reach the tiers in the same order;
 *   <li>a refill notes the stamp before it reads the slower tiers and writes the faster ones under
 *       the same lock only if the stamp has not changed: a write in between means the copy it found
 *       may be the replaced value, and it is not put back.
 * </ul>
 *
 * Other processes' writes are not seen here; see {@code local_timeout}.
 */
final class WriteGuard {
  private static final int STRIPES = 1024;

  private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  WriteGuard() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The stamp of {@code key}, to pass to {@link #refill} after reading the slower tiers. */
  long stamp(String key) {
    return stamps.get(stripe(key));
  }

  /** Runs a write to {@code key} through the tiers. */
  <T> T write(String key, Supplier<T> write) {
    return writeAll(stripes(key), write);
  }

  /** Runs a write to all of {@code keys} through the tiers. */
  <T> T writeMany(Collection<String> keys, Supplier<T> write) {
    TreeSet<Integer> stripes = new TreeSet<>();
    keys.forEach(key -> stripes.add(stripe(key)));
    return writeAll(stripes, write);
  }

  /** Runs a write to every key, {@code clear}. */
  <T> T writeEverything(Supplier<T> write) {
    TreeSet<Integer> all = new TreeSet<>();
    for (int i = 0; i < STRIPES; i++) {
      all.add(i);
    }
    return writeAll(all, write);
  }

  /**
   * Runs {@code refill} unless {@code key} was written since {@code stamp} was taken.
   *
   * @return true if it ran
   */
  boolean refill(String key, long stamp, Runnable refill) {
    int stripe = stripe(key);
    ReentrantLock lock = locks[stripe];
    lock.lock();
    try {
      if (stamps.get(stripe) != stamp) {
        return false;
      }
      refill.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Locks the stripes in ascending order (so writers never deadlock), stamps them, writes. */
  private <T> T writeAll(TreeSet<Integer> stripes, Supplier<T> write) {
    for (int stripe : stripes) {
      locks[stripe].lock();
    }
    // Stamped as it starts and as it ends, so that a refill whose stamp was taken before or
    // during the write sees a change (a seqlock's odd/even count).
    stampAll(stripes);
    try {
      return write.get();
    } finally {
      stampAll(stripes);
      for (int stripe : stripes.descendingSet()) {
        locks[stripe].unlock();
      }
    }
  }

  private void stampAll(TreeSet<Integer> stripes) {
    for (int stripe : stripes) {
      stamps.incrementAndGet(stripe);
    }
  }

  private TreeSet<Integer> stripes(String key) {
    TreeSet<Integer> one = new TreeSet<>();
    one.add(stripe(key));
    return one;
  }

  private static int stripe(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }
}
