package io.larder;

/**
 * Told how long each call a cache made to its store took, for latency metrics: set with {@link
 * Caches.Builder#operationTimer}. The operation is Django's name for what the caller asked ({@code
 * get}, {@code set}, {@code add}, {@code touch}, {@code delete}, {@code has_key}, {@code get_many},
 * {@code set_many}, {@code delete_many}, {@code incr}, {@code clear}, …); the time runs from the
 * call to the store to its answer or failure ({@code async()} calls: to the future's completion).
 * Calls the circuit breaker holds back never reach the store and are not reported.
 *
 * <pre>{@code
 * Caches.builder().operationTimer((alias, operation, nanos) ->
 *     log.debug("{} {} took {} µs", alias, operation, nanos / 1000));
 * }</pre>
 *
 * <p>It runs on the thread that made the call (or completed the future), on every call: keep it
 * fast, and never throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface OperationTimer {
  /**
   * One store call of the cache {@code alias} took {@code nanos} nanoseconds.
   *
   * @param alias the alias of the cache that made the call, e.g. {@code default}
   * @param operation Django's name of the operation, e.g. {@code get} or {@code set_many}
   * @param nanos how long the call took, in nanoseconds; never negative
   */
  void record(String alias, String operation, long nanos);
}
