package io.larder.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the member that owns a key busy with it until closed: an entry processor that waits on the
 * partition's thread, so every later call on that key waits in the cluster. The test's members run
 * in the test JVM, so the processor and the test share these latches. One at a time.
 */
final class HeldPartition implements AutoCloseable {
  private static volatile CountDownLatch entered;
  private static volatile CountDownLatch released;

  private final CompletableFuture<Object> holder;

  private HeldPartition(IMap<String, byte[]> map, String madeKey) {
    entered = new CountDownLatch(1);
    released = new CountDownLatch(1);
    holder = map.submitToKey(madeKey, new Hold()).toCompletableFuture();
    await(entered, "the member to start holding " + madeKey);
  }

  /** Holds the partition of {@code madeKey} of {@code map} once this returns. */
  static HeldPartition of(IMap<String, byte[]> map, String madeKey) {
    return new HeldPartition(map, madeKey);
  }

  @Override
  public void close() {
    released.countDown();
    holder.join();
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("Not within 30 s: " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + what, e);
    }
  }

  /** Waits on the owner's partition thread; bounded, so a failed test cannot hang the member. */
  static final class Hold implements EntryProcessor<String, byte[], Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object process(Map.Entry<String, byte[]> entry) {
      entered.countDown();
      await(released, "the test to release the partition");
      return null;
    }

    /** Changes nothing, so the backups have nothing to run (and must not wait too). */
    @Override
    public EntryProcessor<String, byte[], Object> getBackupProcessor() {
      return null;
    }
  }
}
