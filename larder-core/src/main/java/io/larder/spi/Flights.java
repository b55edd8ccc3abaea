package io.larder.spi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Single flight within a process: concurrent callers of {@link #run} with the same key share one
 * computation, and its result or its exception. Used by {@code getOrSet} so that a miss is computed
 * once however many threads ask, and by the web page cache so that concurrent misses for one page
 * render it once.
 *
 * <pre>{@code
 * Object value = flights.run(madeKey, callerKey, () -> expensiveLoad());
 * // A follower that gives up after 10 s and gets `late` instead:
 * Boolean stored = flights.run(pageKey, pageKey, () -> render(), Duration.ofSeconds(10), false);
 * }</pre>
 *
 * @param <T> the type of a flight's result
 * @since 0.1
 */
public final class Flights<T> {
  private final ConcurrentHashMap<String, Flight<T>> running = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();

  private record Flight<T>(CompletableFuture<T> result, Thread owner) {}

  /**
   * Runs {@code compute} unless a flight for {@code key} is already running, in which case this
   * waits for that flight's result.
   *
   * @param key what identifies the flight, e.g. the made key; not null
   * @param compute computes the result; it runs on the calling thread
   * @return the result of this caller's {@code compute}, or of the flight it waited for
   * @param name the key as the caller knows it, for the message of a re-entrant call
   * @throws IllegalStateException if {@code compute} asks for its own key again
   */
  public T run(String key, String name, Supplier<T> compute) {
    return run(key, name, compute, null, null);
  }

  /**
   * {@link #run(String, String, Supplier)}, but a caller that follows another's flight waits at
   * most {@code maxWait} (null: as long as it takes) and then returns {@code late}, as it does when
   * its wait is interrupted (the interrupt flag is set again).
   *
   * @param key what identifies the flight, e.g. the made key; not null
   * @param name the key as the caller knows it, for the message of a re-entrant call
   * @param compute computes the result; it runs on the calling thread
   * @param maxWait the longest a follower waits; null for no limit
   * @param late what a follower returns when it stops waiting; may be null
   * @return the result of this caller's {@code compute}, or of the flight it waited for, or {@code
   *     late}
   * @throws IllegalStateException if {@code compute} asks for its own key again
   */
  public T run(String key, String name, Supplier<T> compute, Duration maxWait, T late) {
    Flight<T> mine = new Flight<>(new CompletableFuture<>(), Thread.currentThread());
    Flight<T> other = running.putIfAbsent(key, mine);
    if (other != null) {
      return await(other, name, maxWait, late);
    }
    try {
      T result = compute.get();
      mine.result().complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.result().completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /**
   * How many callers are waiting for another's flight now.
   *
   * @return the number of waiting callers, at the moment of the call
   */
  public int waiting() {
    return waiting.get();
  }

  private T await(Flight<T> flight, String name, Duration maxWait, T late) {
    if (flight.owner() == Thread.currentThread()) {
      throw new IllegalStateException(
          "getOrSet for key '" + name + "' was called again from its own supplier");
    }
    waiting.incrementAndGet();
    try {
      return maxWait == null
          ? flight.result().join()
          : flight.result().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (CompletionException | ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      return late;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return late;
    } finally {
      waiting.decrementAndGet();
    }
  }
}
