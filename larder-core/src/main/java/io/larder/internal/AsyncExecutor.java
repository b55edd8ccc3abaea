package io.larder.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool that runs {@code async()} calls of stores that block on I/O: at most {@link
 * #threads()} daemon threads named {@code larder-async-N}, made on demand and ended after a minute
 * idle, so an idle JVM keeps none. Queued calls wait for a free thread rather than each getting
 * one. The size is the system property {@code larder.async.threads} (default 16).
 */
public final class AsyncExecutor {
  private static final int THREADS = Integer.getInteger("larder.async.threads", 16);
  private static final ThreadPoolExecutor SHARED = pool(THREADS);

  private AsyncExecutor() {}

  /** The shared pool. */
  public static Executor shared() {
    return SHARED;
  }

  /** The most threads the shared pool runs at once. */
  public static int threads() {
    return THREADS;
  }

  private static ThreadPoolExecutor pool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "larder.async.threads must be 1 or more, got " + threads);
    }
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "larder-async-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
