package io.larder.benchmarks;

import io.larder.CacheDefinition;
import io.larder.Caches;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmarks' caches, configured by the benchmark alone: the machine's {@code LARDER_CACHES_*}
 * variables are not read, so a run measures the settings it names.
 */
final class BenchCaches {
  private BenchCaches() {}

  /** A builder that reads no environment variables. */
  static Caches.Builder builder() {
    return Caches.builder().environment(Map.of());
  }

  /** Caches whose only alias, {@code default}, is {@code definition}. */
  static Caches of(Consumer<CacheDefinition> definition) {
    return builder().cache("default", definition).build();
  }
}
