package io.larder.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over a cache directory, so that read-modify-write operations ({@code add}, {@code
 * incr}, {@code touch}) are atomic among the threads of this process and among Java processes
 * sharing the directory. The cross-process half is a {@link FileLock} on one of a fixed set of lock
 * files in {@code .larder-locks/}; the in-process half is needed because a JVM cannot hold two
 * overlapping file locks. Python's {@code flock} does not see these locks: Django processes writing
 * the same directory stay as racy as Django itself, but never corrupt a file (writes are renames).
 */
final class FileLocks {
  private static final int STRIPES = 64;
  private static final ConcurrentMap<Path, ReentrantLock[]> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path lockDir;
  private final ReentrantLock[] local;

  FileLocks(Path cacheDir) {
    this.lockDir = cacheDir.resolve(".larder-locks");
    this.local = IN_PROCESS.computeIfAbsent(cacheDir, dir -> newLocks());
  }

  interface Action<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} holding the lock of {@code fileName}'s stripe. */
  <T> T withLock(String fileName, Action<T> action) throws IOException {
    int stripe = Math.floorMod(fileName.hashCode(), STRIPES);
    ReentrantLock lock = local[stripe];
    lock.lock();
    try (FileChannel channel = open(lockDir.resolve(Integer.toString(stripe)));
        FileLock ignored = channel.lock()) {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  private FileChannel open(Path lockFile) throws IOException {
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      // The directory was removed under us (Django recreates it on every set too).
      Directories.create(lockFile.getParent());
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
  }

  private static ReentrantLock[] newLocks() {
    ReentrantLock[] locks = new ReentrantLock[STRIPES];
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
    return locks;
  }
}
