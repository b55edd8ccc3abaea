package io.larder.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Single flight within a process: concurrent callers of {@link #run} with the same key share one
 * computation, and its result or its exception. Used by {@code getOrSet} so that a miss is computed
 * once however many threads ask.
 *
 * <pre>{@code
 * Object value = flights.run(madeKey, callerKey, () -> expensiveLoad());
 * }</pre>
 */
final class Flights<T> {
  private final ConcurrentHashMap<String, Flight<T>> running = new ConcurrentHashMap<>();

  private record Flight<T>(CompletableFuture<T> result, Thread owner) {}

  /**
   * Runs {@code compute} unless a flight for {@code key} is already running, in which case this
   * waits for that flight's result.
   *
   * @param name the key as the caller knows it, for the message of a re-entrant call
   * @throws IllegalStateException if {@code compute} asks for its own key again
   */
  T run(String key, String name, Supplier<T> compute) {
    Flight<T> mine = new Flight<>(new CompletableFuture<>(), Thread.currentThread());
    Flight<T> other = running.putIfAbsent(key, mine);
    if (other != null) {
      return await(other, name);
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

  private static <T> T await(Flight<T> flight, String name) {
    if (flight.owner() == Thread.currentThread()) {
      throw new IllegalStateException(
          "getOrSet for key '" + name + "' was called again from its own supplier");
    }
    try {
      return flight.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
