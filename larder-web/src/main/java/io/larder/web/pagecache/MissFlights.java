package io.larder.web.pagecache;

import io.larder.spi.Flights;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stampede protection for the page cache, which Django lacks: concurrent misses for the same page
 * (the same page key, or the same URL before its header list is known) render it once, through
 * core's single flight. The first request leads and renders; the others wait for it, at most {@link
 * #MAX_WAIT}, and then look in the cache again, rendering themselves only if the page was not
 * stored. Pages whose last response was not stored are remembered, so requests for them do not wait
 * again.
 */
final class MissFlights {
  static final Duration MAX_WAIT = Duration.ofSeconds(10);

  /** Remembered unstored pages are forgotten all at once past this many. */
  private static final int MAX_UNSTORED = 10_000;

  /** A render, as a flight: the page is rendered to the leader's own response. */
  interface Render {
    /** Renders and answers; true if the page was stored. */
    boolean run() throws Exception;
  }

  /** A leader's checked exception on its way out of the flight. */
  private static final class Failed extends RuntimeException {
    Failed(Exception cause) {
      super(cause);
    }
  }

  private final Flights<Boolean> flights = new Flights<>();
  private final Set<String> unstored = ConcurrentHashMap.newKeySet();

  /** True if the last response for {@code key} was not stored: its requests need not wait. */
  boolean remembersUnstored(String key) {
    return unstored.contains(key);
  }

  /**
   * Renders as the leader of {@code key}'s flight, or waits for the leader.
   *
   * @return true if this caller rendered (and answered); false if it followed, and must look in the
   *     cache again (the leader failed, did not store, or took too long)
   */
  boolean lead(String key, Render render) throws Exception {
    boolean[] led = {false};
    try {
      flights.run(
          key,
          key,
          () -> {
            led[0] = true;
            boolean stored = false;
            try {
              stored = render.run();
              return stored;
            } catch (Exception e) {
              throw new Failed(e);
            } finally {
              remember(key, stored);
            }
          },
          MAX_WAIT,
          Boolean.FALSE);
    } catch (RuntimeException e) {
      if (led[0]) {
        throw e instanceof Failed failed ? (Exception) failed.getCause() : e;
      }
      // The leader failed: this request renders for itself.
    }
    return led[0];
  }

  private void remember(String key, boolean stored) {
    if (stored) {
      unstored.remove(key);
    } else {
      if (unstored.size() >= MAX_UNSTORED) {
        unstored.clear();
      }
      unstored.add(key);
    }
  }

  /** How many requests are waiting for a leader now. */
  int waiting() {
    return flights.waiting();
  }
}
