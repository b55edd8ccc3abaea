package io.larder.jcache;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The per-key locks that make each JCache operation on one key atomic: a read, the writer or loader
 * call, the store's write and the listeners' events of one key run under its lock.
 *
 * <p>Among the threads of this JVM that is one of a set of striped, reentrant locks. Where the
 * store is shared by several processes and offers a lock of its own ({@link SharedLocks}, Redis),
 * a write also holds that key's shared lock, so an entry processor or a {@code replace} in one JVM
 * cannot interleave with one in another. A thread that already holds a key's lock (a listener or
 * processor that touches its own key again) is not made to take it twice.
 */
final class KeyLocks {
  private static final int STRIPES = 256;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private final SharedLocks shared;
  private final ThreadLocal<Set<String>> held = ThreadLocal.withInitial(HashSet::new);

  /** @param shared the store's own locks, or null where this JVM's locks are all there is */
  KeyLocks(SharedLocks shared) {
    this.shared = shared;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** True if writes also hold the shared store's lock. */
  boolean sharedAmongProcesses() {
    return shared != null;
  }

  /** This JVM's lock of {@code key}: every operation on the key holds it. */
  ReentrantLock local(String key) {
    int h = key.hashCode();
    return locks[(h ^ (h >>> 16)) & (STRIPES - 1)];
  }

  /**
   * Takes the store's shared lock of {@code key} for a write, with {@link #local} held; null where
   * there is none to take: the store has none, or this thread holds it already.
   */
  SharedLocks.Held shared(String key) {
    if (shared == null) {
      return null;
    }
    Set<String> mine = held.get();
    if (!mine.add(key)) {
      return null;
    }
    SharedLocks.Held lock;
    try {
      lock = shared.acquire(key);
    } catch (RuntimeException e) {
      mine.remove(key);
      throw e;
    }
    return () -> {
      try {
        lock.close();
      } finally {
        mine.remove(key);
      }
    };
  }

  /** Runs a write of {@code key} under this JVM's lock of it and the store's shared one. */
  <T> T writing(String key, Supplier<T> action) {
    ReentrantLock lock = local(key);
    lock.lock();
    try {
      SharedLocks.Held sharedLock = shared(key);
      try {
        return action.get();
      } finally {
        if (sharedLock != null) {
          sharedLock.close();
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
