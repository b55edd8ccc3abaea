package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * {@code get} and {@code set} of a realistic value through a local-memory cache that stores
 * serialized copies ({@code store_by_value}), in each serializer and, with pickle, each compressor:
 * the cost of a format itself, without a network. What each format stores is {@link FormatSizes}'s
 * table in docs/formats.md.
 *
 * <pre>
 * scripts/bench FormatsBenchmark
 * scripts/bench FormatsBenchmark -p format=json,msgpack -p value=dict
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FormatsBenchmark {
  /** Each serializer alone, then pickle (django-redis's default) with each compressor. */
  @Param({
    "java", "pickle", "json", "json_typed", "msgpack",
    "pickle+zlib", "pickle+gzip", "pickle+lz4", "pickle+zstd", "pickle+lzma"
  })
  public String format;

  /** {@code dict}, {@code text} or {@code page}: {@link FormatValues#value}. */
  @Param({"dict", "text", "page"})
  public String value;

  private Caches caches;
  private Cache cache;
  private Object written;

  @Setup
  public void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> FormatValues.configure(c.backend("locmem").option("store_by_value", true), format))
            .build();
    cache = caches.getDefault();
    written = FormatValues.value(value);
    cache.set("value", written);
  }

  @TearDown
  public void close() {
    caches.close();
  }

  @Benchmark
  public Object get() {
    return cache.get("value");
  }

  @Benchmark
  public void set() {
    cache.set("written", written);
  }
}
