package io.larder.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stampede protection for the page cache, which Django lacks: concurrent misses for the same page
 * (the same page key, or the same URL before its header list is known) render it once. The first
 * request leads and renders; the others wait for it, at most {@link #MAX_WAIT_SECONDS}, and then
 * look in the cache again, rendering themselves only if the page was not stored. Pages whose last
 * response was not stored are remembered, so requests for them do not wait again.
 */
final class MissFlights {
  static final long MAX_WAIT_SECONDS = 10;

  /** Remembered unstored pages are forgotten all at once past this many. */
  private static final int MAX_UNSTORED = 10_000;

  private final ConcurrentHashMap<String, CountDownLatch> flights = new ConcurrentHashMap<>();
  private final Set<String> unstored = ConcurrentHashMap.newKeySet();
  private final AtomicInteger waiting = new AtomicInteger();

  /** True if the last response for {@code key} was not stored: its requests need not wait. */
  boolean remembersUnstored(String key) {
    return unstored.contains(key);
  }

  /**
   * Joins the flight for {@code key}.
   *
   * @return null if the caller leads, and must {@link #land} the flight; else the leader's latch
   */
  CountDownLatch join(String key, CountDownLatch mine) {
    return flights.putIfAbsent(key, mine);
  }

  /** Ends the caller's flight, telling the followers whether the page was stored. */
  void land(String key, CountDownLatch mine, boolean stored) {
    if (stored) {
      unstored.remove(key);
    } else {
      if (unstored.size() >= MAX_UNSTORED) {
        unstored.clear();
      }
      unstored.add(key);
    }
    flights.remove(key, mine);
    mine.countDown();
  }

  /** Waits for the leader; false if it did not land in time (or the wait was interrupted). */
  boolean await(CountDownLatch leader) {
    waiting.incrementAndGet();
    try {
      return leader.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** How many requests are waiting for a leader now. */
  int waiting() {
    return waiting.get();
  }
}
