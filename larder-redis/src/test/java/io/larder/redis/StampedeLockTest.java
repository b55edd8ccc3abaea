package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.RedisServers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code options.stampede_lock}: two separate {@link Caches} stand for two processes (they share no
 * memory, only Redis), so only the Redis lock can keep the second from computing.
 */
class StampedeLockTest {
  private static final int DB = 6;
  private Caches first;
  private Caches second;

  private static Caches process(boolean stampedeLock) {
    return RedisCaches.of(
        c ->
            c.location(RedisServers.standalone().url(DB))
                .keyPrefix("stampede")
                .option("stampede_lock", stampedeLock)
                .option("stampede_wait", 30));
  }

  @AfterEach
  void close() {
    first.getDefault().clear();
    first.close();
    second.close();
  }

  /** Runs the first process's getOrSet until its supplier is running, and returns its release. */
  private CompletableFuture<Object> computingInFirst(CountDownLatch release) throws Exception {
    CountDownLatch computing = new CountDownLatch(1);
    CompletableFuture<Object> result =
        CompletableFuture.supplyAsync(
            () ->
                first
                    .getDefault()
                    .getOrSet(
                        "report",
                        () -> {
                          computing.countDown();
                          await(release);
                          return "from first";
                        }));
    assertThat(computing.await(30, TimeUnit.SECONDS)).isTrue();
    return result;
  }

  @Test
  void anotherProcessWaitsForTheValueInsteadOfComputingIt() throws Exception {
    first = process(true);
    second = process(true);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> firstResult = computingInFirst(release);
    AtomicInteger secondCalls = new AtomicInteger();
    CompletableFuture<Object> secondResult = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () ->
                secondResult.complete(
                    second
                        .getDefault()
                        .getOrSet("report", () -> "from second " + secondCalls.incrementAndGet())));
    waiter.start();
    awaitParked(waiter);

    release.countDown();

    assertThat(firstResult.get(30, TimeUnit.SECONDS)).isEqualTo("from first");
    assertThat(secondResult.get(30, TimeUnit.SECONDS)).isEqualTo("from first");
    assertThat(secondCalls).hasValue(0);
  }

  @Test
  void withoutTheLockAnotherProcessComputesToo() throws Exception {
    first = process(false);
    second = process(false);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> firstResult = computingInFirst(release);

    Object secondResult = second.getDefault().getOrSet("report", () -> "from second");
    release.countDown();

    assertThat(secondResult).isEqualTo("from second");
    assertThat(firstResult.get(30, TimeUnit.SECONDS)).isEqualTo("from second");
  }

  @Test
  void theLockIsReleasedOnceTheValueIsStored() {
    first = process(true);
    second = process(true);
    Cache cache = first.getDefault();
    cache.getOrSet("report", () -> "value");
    assertThat(cache.unwrap(RedisExtension.class).keys("*")).containsExactly("report");
  }

  /** Waits until the thread polls for the other process's value. */
  private static void awaitParked(Thread thread) {
    Await.until(
        "the second process waits",
        Duration.ofSeconds(30),
        () -> thread.getState() == Thread.State.TIMED_WAITING);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
