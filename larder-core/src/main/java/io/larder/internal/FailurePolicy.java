package io.larder.internal;

import static io.larder.spi.CacheStore.MISSING;

import io.larder.BackendUnavailableException;
import io.larder.CacheSettings;
import io.larder.DisallowedClassException;
import io.larder.OperationTimer;
import io.larder.SerializationException;
import io.larder.spi.AsyncCacheStore;
import io.larder.spi.CacheStore;
import io.larder.spi.CommonOptions;
import io.larder.spi.StoreContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache's failure policy, around every call on its store: the engine's operations and a layered
 * backend's calls on its tiers ({@link GuardedStore}) both go through it. The circuit breaker holds
 * calls back while the store is failing; each call is timed; an unavailable store is counted and,
 * when the cache fails open ({@code ignore_exceptions}), logged and answered with a default. Any
 * other error means the store answered, and is raised.
 *
 * <p>A call names its store operation as a {@link StoreCall} that captures nothing (a constant
 * lambda) and passes the operation's arguments explicitly, so a call that succeeds allocates
 * nothing on the way to the store.
 */
final class FailurePolicy {
  private static final Logger log = LoggerFactory.getLogger(FailurePolicy.class);

  private final CacheSettings settings;
  private final CacheStore store;
  /** The store, when its client is asynchronous; null otherwise. */
  private final AsyncCacheStore asyncStore;
  private final StoreContext context;
  private final StatsCounter stats;
  private final boolean failsOpen;
  /** Null when calls are never held back: the cache does not fail open, or its store is local. */
  private final CircuitBreaker breaker;
  /** Calls skipped while the breaker is open are logged once a minute per operation. */
  private final OncePerKey skippedCallsWarned;
  /** Null when nothing is timed (the default): the store calls then read no clock. */
  private final OperationTimer timer;

  FailurePolicy(CacheStore store, StoreContext context, StatsCounter stats, OperationTimer timer) {
    this.settings = context.settings();
    this.store = store;
    this.asyncStore = store instanceof AsyncCacheStore client ? client : null;
    this.context = context;
    this.stats = stats;
    this.timer = timer;
    this.failsOpen = context.failsOpen();
    long breakerMillis = CommonOptions.CIRCUIT_BREAKER_INTERVAL.from(settings).toMillis();
    this.breaker =
        failsOpen && store.usesCircuitBreaker() && breakerMillis > 0
            ? new CircuitBreaker(breakerMillis, settings.clock())
            : null;
    this.skippedCallsWarned = new OncePerKey(settings.clock());
  }

  /** One operation on the store, its arguments given to it rather than captured. */
  @FunctionalInterface
  interface StoreCall<A, B, C, R> {
    R on(CacheStore store, A a, B b, C c);
  }

  /** One operation on the store's asynchronous client, its arguments given to it. */
  @FunctionalInterface
  interface AsyncStoreCall<A, B, C, R> {
    CompletionStage<R> on(AsyncCacheStore store, A a, B b, C c);
  }

  /** The store's asynchronous client, or null when it has none. */
  AsyncCacheStore asyncStore() {
    return asyncStore;
  }

  /** True while the circuit breaker holds calls back. */
  boolean circuitOpen() {
    return breaker != null && breaker.isOpen();
  }

  /**
   * The value under the {@code made} key, or {@link CacheStore#MISSING}: when the store is down and
   * the cache fails open, and when the value cannot be read (reported as a corrupt read). {@code
   * key} is what a logged failure names.
   */
  Object load(String made, Object key) {
    try {
      return callRaising("get", (s, k, b, c) -> s.load(k), made, null, null);
    } catch (BackendUnavailableException e) {
      return failOpen(e, "get", key, MISSING);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (SerializationException e) {
      // A store that decodes without context.deserialize(key, bytes): still a miss, not an error.
      return context.corruptRead(made, e);
    }
  }

  /**
   * {@code call} on the store: an unavailable store answers {@code whenDown} when the cache fails
   * open. {@code keys} (a key, or the keys of a many-key call) is written out only when a failure
   * is logged.
   */
  <A, B, C, R> R call(
      String operation, Object keys, R whenDown, StoreCall<A, B, C, R> call, A a, B b, C c) {
    try {
      return callRaising(operation, call, a, b, c);
    } catch (BackendUnavailableException e) {
      return failOpen(e, operation, keys, whenDown);
    }
  }

  /**
   * {@code call} on the store, for an operation that has no answer to give when the store is down:
   * the failure is counted and raised, even when the cache fails open.
   */
  <A, B, C, R> R callRaising(String operation, StoreCall<A, B, C, R> call, A a, B b, C c) {
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      R result = call.on(store, a, b, c);
      succeeded();
      return result;
    } catch (BackendUnavailableException e) {
      failed(e);
      throw e;
    } catch (RuntimeException e) {
      succeeded();
      throw e;
    } finally {
      timed(operation, started);
    }
  }

  /**
   * {@link #call} on the store's asynchronous client: the same rules, applied when the future
   * completes. {@code mayFailOpen} is false for an operation with no answer to give ({@code incr}).
   */
  <A, B, C, R> CompletableFuture<R> callAsync(
      String operation,
      Object keys,
      boolean mayFailOpen,
      R whenDown,
      AsyncStoreCall<A, B, C, R> call,
      A a,
      B b,
      C c) {
    CompletionStage<R> stage;
    long started = 0;
    try {
      allow(operation);
      started = startTiming();
      stage = call.on(asyncStore, a, b, c);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    long sent = started;
    return stage
        .toCompletableFuture()
        .whenComplete((result, error) -> timed(operation, sent))
        .handle(
            (result, error) -> {
              if (error == null) {
                succeeded();
                return result;
              }
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof BackendUnavailableException e) {
                failed(e);
                if (!mayFailOpen) {
                  throw e;
                }
                return failOpen(e, operation, keys, whenDown);
              }
              succeeded();
              throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            });
  }

  /** Now, for a store call about to be timed; 0 when nothing is timed, so the clock is not read. */
  private long startTiming() {
    return timer == null ? 0 : System.nanoTime();
  }

  /**
   * Tells the timer how long the store call begun at {@code started} took; nothing for a call that
   * never reached the store (held back by the circuit breaker) or when nothing is timed.
   */
  private void timed(String operation, long started) {
    if (timer != null && started != 0) {
      timer.record(settings.alias(), operation, System.nanoTime() - started);
    }
  }

  /** Fails at once, without touching the store, while the circuit breaker is open. */
  private void allow(String operation) {
    if (breaker != null && !breaker.allows()) {
      throw new CircuitOpenException(
          "Cache '"
              + settings.alias()
              + "': "
              + operation
              + " not sent: the "
              + settings.backend()
              + " backend at "
              + settings.displayLocation()
              + " failed recently; the next attempt is in "
              + breaker.millisUntilProbe()
              + " ms");
    }
  }

  private void succeeded() {
    if (breaker != null) {
      breaker.succeeded();
    }
  }

  /** Counts a call that found the store unavailable, and opens the breaker for it. */
  private void failed(BackendUnavailableException e) {
    stats.error();
    if (breaker != null && !(e instanceof CircuitOpenException)) {
      breaker.failed();
    }
  }

  /** {@code whenDown} for a counted failure when the cache fails open, logged; else raises it. */
  private <R> R failOpen(BackendUnavailableException e, String operation, Object keys, R whenDown) {
    if (!failsOpen) {
      throw e;
    }
    // The failure that opened the breaker was logged; each call skipped since says no more.
    if (!(e instanceof CircuitOpenException) || skippedCallsWarned.due(operation)) {
      logIgnored(settings.alias(), operation, keys, e);
    }
    return whenDown;
  }

  /** Logs a failure the cache {@code alias} ignores, failing open. */
  static void logIgnored(
      String alias, String operation, Object keys, BackendUnavailableException e) {
    log.warn("Cache '{}': {} of {} failed, ignored: {}", alias, operation, keys, e.getMessage());
  }

  /** Thrown instead of calling a store whose circuit breaker is open. */
  private static final class CircuitOpenException extends BackendUnavailableException {
    CircuitOpenException(String message) {
      super(message);
    }
  }
}
