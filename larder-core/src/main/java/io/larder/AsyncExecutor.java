package io.larder;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared pool that runs async calls of blocking backends: daemon threads, made on demand. */
final class AsyncExecutor {
  private static final ExecutorService SHARED =
      Executors.newCachedThreadPool(
          new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "larder-async-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  private AsyncExecutor() {}

  static Executor shared() {
    return SHARED;
  }
}
