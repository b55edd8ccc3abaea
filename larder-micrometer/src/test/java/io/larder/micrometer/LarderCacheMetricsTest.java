package io.larder.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LarderCacheMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Caches caches;

  @AfterEach
  void close() {
    caches.close();
  }

  private Cache locmem() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
            .build();
    return LarderCacheMetrics.monitor(registry, caches.getDefault(), "books", "app", "shop");
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  void hitsAndMissesAreCacheGetsByResult() {
    Cache cache = locmem();
    cache.set("a", 1);
    cache.get("a");
    cache.get("a");
    cache.get("absent");

    assertThat(count("cache.gets", "result", "hit")).isEqualTo(2);
    assertThat(count("cache.gets", "result", "miss")).isEqualTo(1);
  }

  @Test
  void writesAreCachePutsAndDeletesAreCacheRemovals() {
    Cache cache = locmem();
    cache.set("a", 1);
    cache.add("b", 2);
    cache.delete("a");

    assertThat(count("cache.puts")).isEqualTo(2);
    assertThat(count("cache.removals")).isEqualTo(1);
  }

  @Test
  void metersAreTaggedWithTheCacheNameTheBackendAndTheGivenTags() {
    locmem();

    FunctionCounter puts = registry.get("cache.puts").functionCounter();
    assertThat(puts.getId().getTag("cache")).isEqualTo("books");
    assertThat(puts.getId().getTag("backend")).isEqualTo("locmem");
    assertThat(puts.getId().getTag("app")).isEqualTo("shop");
  }

  @Test
  void sizeAndEvictionsAreNotRegisteredForTheBackendDoesNotKnowThem() {
    locmem();

    assertThat(registry.find("cache.size").meter()).isNull();
    assertThat(registry.find("cache.evictions").meter()).isNull();
  }

  /**
   * A file cache whose directory is replaced by a plain file fails every operation, as a cache on
   * a dead server would.
   */
  @Test
  void aFailingBackendCountsCacheErrorsWhenTheCacheFailsOpen(@TempDir Path dir) throws Exception {
    Path location = dir.resolve("cache");
    Cache cache = monitoredFileCache(location);
    breakDirectory(location);

    cache.set("a", "1");
    assertThat((Object) cache.get("a")).isNull();

    assertThat(count("cache.errors", "backend", "filebased")).isEqualTo(2);
  }

  @Test
  void theCircuitBreakersStateIsAGauge(@TempDir Path dir) throws Exception {
    Path location = dir.resolve("cache");
    Cache cache = monitoredFileCache(location);
    assertThat(registry.get("cache.circuit.open").gauge().value()).isZero();
    breakDirectory(location);

    cache.set("a", "1");

    assertThat(cache.stats().circuitOpen()).isTrue();
    assertThat(registry.get("cache.circuit.open").tag("cache", "default").gauge().value())
        .isEqualTo(1.0);
  }

  /** A monitored file cache that fails open, in {@code location}. */
  private Cache monitoredFileCache(Path location) {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of(
                        "backend",
                        "filebased",
                        "location",
                        location.toString(),
                        "options",
                        Map.of("ignore_exceptions", true))))
            .build();
    return LarderCacheMetrics.monitor(registry, caches.getDefault(), "default");
  }

  /** Replaces the cache's directory with a plain file: every call fails, as on a dead server. */
  private static void breakDirectory(Path location) throws Exception {
    Files.delete(location);
    Files.writeString(location, "not a directory");
  }
}
