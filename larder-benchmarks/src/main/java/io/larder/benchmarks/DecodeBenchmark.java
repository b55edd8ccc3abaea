package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A {@code get} that decodes a realistic value, with the {@code pickle} and the {@code java}
 * serializer, through local-memory caches that store serialized copies ({@code store_by_value}):
 * what the decoders' bounds (nesting, hashing work) cost an ordinary read. Compare jars built
 * before and after a decoder change with {@code scripts/bench-pairs --jars}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  /** A record-like object of 10 fields, as an application caches a row or a DTO. */
  public record Order(
      long id,
      String customer,
      String email,
      BigDecimal total,
      LocalDate placed,
      int items,
      boolean paid,
      String currency,
      List<String> tags,
      Map<String, String> address)
      implements Serializable {}

  @State(Scope.Benchmark)
  public static class Stores {
    Caches caches;
    Cache pickle;
    Cache java;

    @Setup
    public void fill() {
      caches =
          BenchCaches.builder()
              .cache("default", c -> c.backend("locmem"))
              .cache(
                  "pickle",
                  c ->
                      c.backend("locmem")
                          .option("store_by_value", true)
                          .option("serializer", "pickle"))
              .cache(
                  "java",
                  c ->
                      c.backend("locmem")
                          .option("store_by_value", true)
                          .option("serializer", "java")
                          .option("serializer_allow", List.of("io.larder.benchmarks")))
              .build();
      pickle = caches.get("pickle");
      java = caches.get("java");
      pickle.set("dict", dict());
      java.set("dict", dict());
      java.set("record", order());
    }

    @TearDown
    public void close() {
      caches.close();
    }
  }

  /** A dict of 20 entries: text, numbers, a flag, a list and a nested dict, as a view caches. */
  static Map<String, Object> dict() {
    Map<String, Object> dict = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      dict.put("field_" + i, i % 2 == 0 ? "value number " + i : (Object) (long) (i * 1000));
    }
    dict.put("active", true);
    dict.put("score", 4.25);
    dict.put("tags", List.of("new", "sale", "featured"));
    dict.put("owner", Map.of("id", 42L, "name", "Ada"));
    return dict;
  }

  static Order order() {
    return new Order(
        1234567L,
        "Ada Lovelace",
        "ada@example.com",
        new BigDecimal("149.90"),
        LocalDate.of(2026, 12, 7),
        3,
        true,
        "EUR",
        List.of("gift", "express"),
        Map.of("city", "London", "street", "12 St James's Square"));
  }

  @Benchmark
  public Object pickleGetDict(Stores s) {
    return s.pickle.get("dict");
  }

  @Benchmark
  public Object javaGetDict(Stores s) {
    return s.java.get("dict");
  }

  @Benchmark
  public Object javaGetRecord(Stores s) {
    return s.java.get("record");
  }
}
