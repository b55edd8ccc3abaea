package io.larder.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Larder's JCache provider on local memory next to Caffeine's own JCache provider ({@code
 * com.github.ben-manes.caffeine:jcache}), in the same run, on the same keys and values, through the
 * same {@code javax.cache} calls: {@code get} of a present key and {@code put}. Both caches are made
 * by {@code createCache} with one configuration, JSR-107's default (store-by-value, eternal) or
 * store-by-reference ({@code byValue=false}).
 *
 * <pre>
 * java -jar larder-benchmarks/target/benchmarks.jar JCacheBenchmark -t 1
 * java -jar larder-benchmarks/target/benchmarks.jar JCacheBenchmark -t 2
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JCacheBenchmark {
  static final int ENTRIES = LocMemBenchmark.ENTRIES;

  @State(Scope.Benchmark)
  public static class Stores {
    /** JSR-107's store-by-value (its default, a copy per read), or store-by-reference. */
    @Param({"true", "false"})
    public boolean byValue;

    Path config;
    CachingProvider larderProvider;
    CachingProvider caffeineProvider;
    Cache<String, String> larder;
    Cache<String, String> caffeine;

    @Setup
    public void fill() throws IOException {
      // Room for every key: Django's default max_entries (300) would cull most of them.
      config = Files.createTempFile("larder-jcache-bench-", ".yml");
      Files.writeString(
          config,
          "caches:\n  default:\n    backend: locmem\n    options: {max_entries: "
              + ENTRIES * 2
              + "}\n");
      larderProvider = Caching.getCachingProvider("io.larder.jcache.LarderCachingProvider");
      caffeineProvider =
          Caching.getCachingProvider(
              "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
      larder = create(larderProvider.getCacheManager(config.toUri(), null));
      caffeine = create(caffeineProvider.getCacheManager());
      for (String key : new Keys("anchor", ENTRIES).all()) {
        larder.put(key, Keys.VALUE);
        caffeine.put(key, Keys.VALUE);
      }
    }

    private Cache<String, String> create(CacheManager manager) {
      return manager.createCache(
          "bench",
          new MutableConfiguration<String, String>()
              .setTypes(String.class, String.class)
              .setStoreByValue(byValue));
    }

    @TearDown
    public void close() {
      larderProvider.close();
      caffeineProvider.close();
      try {
        Files.deleteIfExists(config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Each thread walks its own key sequence. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("anchor", ENTRIES);
  }

  @Benchmark
  public Object larderGetHit(Stores s, ThreadKeys k) {
    return s.larder.get(k.present.next());
  }

  @Benchmark
  public Object caffeineGetHit(Stores s, ThreadKeys k) {
    return s.caffeine.get(k.present.next());
  }

  @Benchmark
  public void larderPut(Stores s, ThreadKeys k) {
    s.larder.put(k.present.next(), Keys.VALUE);
  }

  @Benchmark
  public void caffeinePut(Stores s, ThreadKeys k) {
    s.caffeine.put(k.present.next(), Keys.VALUE);
  }
}
