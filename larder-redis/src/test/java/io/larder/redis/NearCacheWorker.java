package io.larder.redis;

import io.larder.Cache;
import io.larder.Caches;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The other process of {@link NearCacheSecondJvmTest}: a chain of local memory over the Redis at
 * {@code args[0]}. Reads commands on stdin, one per line, and answers each on stdout: {@code get
 * KEY} prints the value (or {@code null}) and {@code near KEY} what the local tier holds for it (or
 * {@code absent}). Prints {@code ready} once its invalidations are live.
 */
public final class NearCacheWorker {
  private NearCacheWorker() {}

  public static void main(String[] args) throws Exception {
    try (Caches caches = NearCacheCoherenceTest.process(args[0])) {
      Cache chain = caches.getDefault();
      System.out.println("ready");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] command = line.split(" ", 2);
        Object answer =
            switch (command[0]) {
              case "get" -> chain.get(command[1]);
              case "near" -> caches.get("near").get(command[1], (Object) "absent");
              default -> "unknown command " + command[0];
            };
        System.out.println(answer);
        System.out.flush();
      }
    }
  }
}
