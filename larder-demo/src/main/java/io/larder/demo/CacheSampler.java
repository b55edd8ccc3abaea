package io.larder.demo;

import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.CacheStats;
import io.larder.Caches;
import io.larder.chain.ChainExtension;
import io.larder.chain.TierStats;
import io.larder.spi.CacheStore;
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
    double seconds = Math.max(0.001, (now.millis() - before.millis()) / 1000.0);
    for (Cache cache : caches.all()) {
      CacheSettings settings = cache.settings();
      String alias = settings.alias();
      rows.add(row(alias, settings.backend(), settings.displayLocation(), now, before, seconds));
      List<TierStats> tiers = tiersOf(cache);
      for (int i = 0; i < tiers.size(); i++) {
        String tier = tiers.get(i).alias();
        rows.add(
            row(
                tierRow(alias, tier),
                "tier " + (i + 1) + " of " + alias,
                tier,
                now,
                before,
                seconds));
      }
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

  private static Map<String, Object> row(
      String alias, String backend, String location, Sample now, Sample before, double seconds) {
    CacheStats stats = now.stats().get(alias);
    CacheStats then = before.stats().getOrDefault(alias, stats);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("alias", alias);
    row.put("backend", backend);
    row.put("location", location);
    row.put("hits", stats.hits());
    row.put("misses", stats.misses());
    row.put("hitRatio", stats.hitRatio());
    row.put("sets", stats.sets());
    row.put("deletes", stats.deletes());
    row.put("errors", stats.errors());
    row.put("opsPerSecond", Math.max(0, operations(stats) - operations(then)) / seconds);
    return row;
  }

  /** A chain's tier as a row of its own: its hits and misses for reads through the chain. */
  static String tierRow(String chain, String tier) {
    return chain + " › " + tier;
  }

  /** The tiers of a {@code chain} cache, fastest first; none for any other cache. */
  private static List<TierStats> tiersOf(Cache cache) {
    return cache.unwrap(CacheStore.class) instanceof ChainExtension chain
        ? chain.tierStats()
        : List.of();
  }

  private Sample current() {
    Map<String, CacheStats> stats = new LinkedHashMap<>();
    for (Cache cache : caches.all()) {
      String alias = cache.settings().alias();
      stats.put(alias, cache.stats());
      for (TierStats tier : tiersOf(cache)) {
        stats.put(
            tierRow(alias, tier.alias()), new CacheStats(tier.hits(), tier.misses(), 0, 0, 0, 0));
      }
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
