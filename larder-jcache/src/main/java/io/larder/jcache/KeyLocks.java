package io.larder.jcache;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks that make each JCache operation on one key atomic among the threads of this JVM:
 * a read, the writer or loader call, the store's write and the listeners' events of one key run
 * under its stripe. Reentrant, so a listener or processor that touches the same key from the same
 * thread does not deadlock.
 */
final class KeyLocks {
  private static final int STRIPES = 256;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  KeyLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  ReentrantLock of(String key) {
    int h = key.hashCode();
    return locks[(h ^ (h >>> 16)) & (STRIPES - 1)];
  }
}
