package io.larder.cli;

import io.larder.Cache;
import io.larder.CacheStats;
import io.larder.Caches;
import io.larder.Timeout;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code larder demo}: a short walkthrough on the embedded default cache (local memory, no server):
 * a slow computation through getOrSet cold and warm, incr, versioning and the statistics.
 */
@Command(
    name = "demo",
    description = "A short walkthrough of Larder on the embedded local-memory cache.")
final class DemoCommand implements Callable<Integer> {
  private static final long SLOW_MILLIS = 200;

  @Spec CommandSpec spec;
  private PrintWriter out;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    try (Caches caches = Caches.builder().environment(Map.of()).build()) {
      Cache cache = caches.getDefault();
      say("Larder demo: Django's cache framework on the JVM.");
      say("Cache 'default': backend %s, default timeout %s.%n",
          cache.settings().backend(), cache.settings().timeout());

      say("1. getOrSet runs a slow computation (~%d ms) only on a miss.", SLOW_MILLIS);
      timed("   cold (computes):", () -> cache.getOrSet("report", DemoCommand::slowReport, Timeout.minutes(10)));
      timed("   warm (cached):  ", () -> cache.getOrSet("report", DemoCommand::slowReport, Timeout.minutes(10)));
      say("   stored under the Django-style key %s%n", cache.makeKey("report"));

      say("2. incr and decr are atomic and keep the key's expiry.");
      cache.set("hits", 0, Timeout.seconds(60));
      cache.incr("hits");
      long afterIncr = cache.incr("hits", 10);
      say("   set hits=0, incr, incr 10 -> %d; decr 4 -> %d%n", afterIncr, cache.decr("hits", 4));

      say("3. Versions: withVersion(n) is Django's version= argument.");
      cache.set("greeting", "Hello");
      say("   version 1: %s, version 2: %s", cache.get("greeting"), cache.withVersion(2).get("greeting"));
      int next = cache.incrVersion("greeting");
      say("   incrVersion moves it to version %d: version 1 now %s, version %d: %s%n",
          next, cache.get("greeting"), next, cache.withVersion(next).get("greeting"));

      say("4. Timeouts: Timeout.seconds(0) stores nothing readable; Timeout.NEVER never expires.");
      cache.set("gone", "x", Timeout.seconds(0));
      cache.set("kept", "x", Timeout.NEVER);
      say("   gone present? %s; kept present? %s%n", cache.hasKey("gone"), cache.hasKey("kept"));

      CacheStats stats = cache.stats();
      say("5. Statistics: hits=%d misses=%d sets=%d deletes=%d errors=%d (hit ratio %.2f)%n",
          stats.hits(), stats.misses(), stats.sets(), stats.deletes(), stats.errors(), stats.hitRatio());
      say("Next: configure caches in larder.yml (docs/configuration.md), and try");
      say("  scripts/larder --config larder.yml set user '{\"id\":42}' --timeout 60");
    }
    out.flush();
    return Larder.OK;
  }

  private void timed(String label, java.util.function.Supplier<Object> call) {
    long start = System.nanoTime();
    Object result = call.get();
    double millis = (System.nanoTime() - start) / 1e6;
    say("%s %8.3f ms -> %s", label, millis, result);
  }

  private static String slowReport() {
    try {
      Thread.sleep(SLOW_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "report built at " + java.time.LocalTime.now().withNano(0);
  }

  private void say(String format, Object... args) {
    out.printf(format + "%n", args);
  }
}
