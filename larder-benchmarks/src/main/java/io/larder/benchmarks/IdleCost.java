package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;

/**
 * A JVM that uses Larder, then idles: what does Larder cost while nothing happens? Run it, wait for
 * "ready", and read the process's CPU ticks and context switches from /proc twice, 10 s apart
 * (docs/benchmarks.md, "Idle cost"). With the argument {@code none} it loads nothing, the baseline.
 */
public final class IdleCost {
  private IdleCost() {}

  public static void main(String[] args) throws InterruptedException {
    boolean useLarder = args.length == 0 || !args[0].equals("none");
    long idleSeconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
    if (useLarder) {
      Cache cache = Caches.defaults().getDefault();
      for (int i = 0; i < 100_000; i++) {
        cache.set("k" + (i % 1000), i);
        cache.get("k" + (i % 1000));
      }
    }
    System.out.println("ready");
    Thread.sleep(idleSeconds * 1000);
  }
}
