package io.larder.file;

import io.larder.Cache;
import io.larder.Caches;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One of several processes sharing a cache directory (run by {@link FileCacheMultiProcessTest}):
 * writes and reads self-checking values, increments a shared counter and competes for adds, then
 * prints what it saw.
 */
public final class FileCacheWorker {
  private FileCacheWorker() {}

  public static void main(String[] args) {
    String dir = args[0];
    int rounds = Integer.parseInt(args[1]);
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> c.backend("filebased").location(dir).option("max_entries", 1000))
            .build()) {
      Cache cache = caches.getDefault();
      int corrupt = 0;
      int addsWon = 0;
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < rounds; i++) {
        String key = "k" + random.nextInt(60);
        cache.set(key, payload(key, random.nextInt(20_000)));
        String read = cache.get("k" + random.nextInt(60));
        if (read != null && !isIntact(read)) {
          corrupt++;
        }
        cache.incr("counter");
        if (cache.add("race-" + i, "won")) {
          addsWon++;
        }
      }
      System.out.println("corrupt=" + corrupt + " addsWon=" + addsWon);
    }
  }

  /** A value that says which key it belongs to and how long it is. */
  static String payload(String key, int length) {
    return key + ":" + length + ":" + "x".repeat(length);
  }

  static boolean isIntact(String value) {
    String[] parts = value.split(":", 3);
    return parts.length == 3 && parts[2].length() == Integer.parseInt(parts[1]);
  }
}
