package io.larder.demo;

import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.CacheStats;
import io.larder.Caches;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every configured cache's counters on a schedule and keeps the last {@link #WINDOW}, so
 * the dashboard can show rates and a hit-ratio history that survives a page reload.
 */
final class CacheSampler implements AutoCloseable {
  /** How much history is kept. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  /** The counters of every cache at one moment. */
  record Sample(long millis, Map<String, CacheStats> stats) {}

  private final Caches caches;
  private final InstantSource clock;
  private final Deque<Sample> history = new ArrayDeque<>();
  private ScheduledExecutorService timer;

  CacheSampler(Caches caches, InstantSource clock) {
    this.caches = caches;
    this.clock = clock;
    sample();
  }

  void start(Duration period) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "larder-demo-sampler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        this::sample, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Records the counters now and forgets samples older than the window. */
  synchronized void sample() {
    Sample now = current();
    history.addLast(now);
    while (history.peekFirst().millis() < now.millis() - WINDOW.toMillis()) {
      history.removeFirst();
    }
  }

  /**
   * What the dashboard shows: per cache its backend, location and counters now, and ops/s since the
   * latest sample at least a second old; and the hit-ratio history ending with now.
   */
  synchronized Map<String, Object> report() {
    Sample now = current();
    Sample before = history.peekFirst();
    for (Sample s : history) {
      if (s.millis() <= now.millis() - 1000) {
        before = s;
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Cache cache : caches.all()) {
      CacheSettings settings = cache.settings();
      CacheStats stats = now.stats().get(settings.alias());
      CacheStats then = before.stats().get(settings.alias());
      double seconds = Math.max(0.001, (now.millis() - before.millis()) / 1000.0);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("alias", settings.alias());
      row.put("backend", settings.backend());
      row.put("location", settings.displayLocation());
      row.put("hits", stats.hits());
      row.put("misses", stats.misses());
      row.put("hitRatio", stats.hitRatio());
      row.put("sets", stats.sets());
      row.put("deletes", stats.deletes());
      row.put("errors", stats.errors());
      row.put("opsPerSecond", Math.max(0, operations(stats) - operations(then)) / seconds);
      rows.add(row);
    }
    List<Map<String, Object>> points = new ArrayList<>();
    List<Sample> samples = new ArrayList<>(history);
    samples.add(now);
    for (Sample s : samples) {
      Map<String, Object> ratios = new LinkedHashMap<>();
      s.stats()
          .forEach(
              (alias, st) ->
                  ratios.put(alias, st.hits() + st.misses() == 0 ? null : st.hitRatio()));
      points.add(Map.of("t", s.millis(), "hitRatio", ratios));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("now", now.millis());
    report.put("windowSeconds", WINDOW.toSeconds());
    report.put("caches", rows);
    report.put("history", points);
    return report;
  }

  private Sample current() {
    Map<String, CacheStats> stats = new LinkedHashMap<>();
    for (Cache cache : caches.all()) {
      stats.put(cache.settings().alias(), cache.stats());
    }
    return new Sample(clock.millis(), stats);
  }

  private static long operations(CacheStats s) {
    return s.hits() + s.misses() + s.sets() + s.deletes();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
