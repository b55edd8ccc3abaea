package io.larder.jcache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * The other JVM of {@link TwoProcessesOnOneRedisTest}: opens the cache {@code args[1]} of the
 * larder.yml {@code args[0]}, prints {@code ready}, waits for a line on its input (so that both
 * JVMs start together), then either puts the number {@code args[4]} under {@code args[3]} ({@code
 * put}), creates, updates and removes {@code args[3]} ({@code change}), or adds one to the counter
 * {@code args[3]} {@code args[4]} times with an entry processor ({@code count}), and exits.
 */
public final class JCacheWorker {
  private JCacheWorker() {}

  public static void main(String[] args) throws IOException {
    URI config = URI.create(args[0]);
    CacheManager manager =
        Caching.getCachingProvider(LarderCachingProvider.class.getName())
            .getCacheManager(config, JCacheWorker.class.getClassLoader());
    Cache<String, Long> cache =
        manager.createCache(
            args[1],
            new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    switch (args[2]) {
      case "put" -> cache.put(args[3], Long.parseLong(args[4]));
      case "change" -> {
        cache.put(args[3], 1L);
        cache.put(args[3], 2L);
        cache.remove(args[3]);
      }
      case "count" -> {
        int times = Integer.parseInt(args[4]);
        for (int i = 0; i < times; i++) {
          cache.invoke(args[3], new Increment());
        }
      }
      default -> throw new IllegalArgumentException("unknown command " + args[2]);
    }
    manager.close();
  }

  /** Adds one to a counter, creating it at 1. */
  static final class Increment implements EntryProcessor<String, Long, Long> {
    @Override
    public Long process(MutableEntry<String, Long> entry, Object... arguments) {
      long next = entry.exists() ? entry.getValue() + 1 : 1;
      entry.setValue(next);
      return next;
    }
  }
}
