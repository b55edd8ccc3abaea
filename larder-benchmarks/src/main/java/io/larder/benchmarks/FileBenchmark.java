package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The file backend with 10,000 entries present, where Django's set slows down because it lists the
 * directory on every write.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FileBenchmark {
  static final int ENTRIES = 10_000;

  @State(Scope.Benchmark)
  public static class Store {
    Path dir;
    Caches caches;
    Cache cache;

    @Setup
    public void fill() throws IOException {
      dir = Files.createTempDirectory("larder-bench");
      caches =
          BenchCaches.of(
              c ->
                  c.backend("filebased")
                      .location(dir.toString())
                      .option("max_entries", ENTRIES * 10));
      cache = caches.getDefault();
      for (String key : new Keys("key", ENTRIES).all()) {
        cache.set(key, "value of " + key);
      }
    }

    @TearDown
    public void delete() throws IOException {
      caches.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("key", ENTRIES);
  }

  @Benchmark
  public Object getHit(Store s, ThreadKeys k) {
    return s.cache.get(k.present.next());
  }

  /** Overwrites existing keys, so the entry count stays at 10,000. */
  @Benchmark
  public void set(Store s, ThreadKeys k) {
    String key = k.present.next();
    s.cache.set(key, "value of " + key);
  }
}
