package io.larder.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LarderOperationTimersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Caches caches;

  @AfterEach
  void close() {
    caches.close();
  }

  private Cache timed(Map<String, Object> settings) {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(Map.of("default", settings))
            .operationTimer(new LarderOperationTimers(registry, Tags.of("app", "shop")))
            .build();
    return caches.getDefault();
  }

  private Cache locmem() {
    return timed(Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
  }

  private long count(String operation) {
    Timer timer =
        registry.find(LarderOperationTimers.NAME).tags("operation", operation).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void eachOperationIsATimerPerCacheAndOperation() {
    Cache cache = locmem();
    cache.set("a", 1);
    cache.get("a");
    cache.get("absent");
    cache.async().get("a").join();
    cache.add("b", 2);
    cache.incr("a");
    cache.hasKey("a");
    cache.getMany(List.of("a", "b"));
    cache.delete("a");

    assertThat(count("get")).isEqualTo(3);
    assertThat(count("set")).isEqualTo(1);
    assertThat(count("add")).isEqualTo(1);
    assertThat(count("incr")).isEqualTo(1);
    assertThat(count("has_key")).isEqualTo(1);
    assertThat(count("get_many")).isEqualTo(1);
    assertThat(count("delete")).isEqualTo(1);
    assertThat(registry.get(LarderOperationTimers.NAME).tag("operation", "get").timer()
            .totalTime(TimeUnit.NANOSECONDS))
        .isPositive();
  }

  @Test
  void timersAreTaggedWithTheAliasTheOperationAndTheGivenTags() {
    locmem().set("a", 1);

    Timer set = registry.get(LarderOperationTimers.NAME).timer();
    assertThat(set.getId().getTag("cache")).isEqualTo("default");
    assertThat(set.getId().getTag("operation")).isEqualTo("set");
    assertThat(set.getId().getTag("app")).isEqualTo("shop");
  }

  /**
   * A file cache whose directory is replaced by a plain file fails every call: the failed call is
   * timed, and the calls the circuit breaker then holds back never reach the store and are not.
   */
  @Test
  void aFailedCallIsTimedButOneTheCircuitBreakerHoldsBackIsNot(@TempDir Path dir)
      throws Exception {
    Path location = dir.resolve("cache");
    Cache cache =
        timed(
            Map.of(
                "backend",
                "filebased",
                "location",
                location.toString(),
                "options",
                Map.of("ignore_exceptions", true)));
    Files.delete(location);
    Files.writeString(location, "not a directory");

    cache.set("a", "1");
    cache.set("a", "2");

    assertThat(cache.stats().circuitOpen()).isTrue();
    assertThat(count("set")).isEqualTo(1);
  }

  @Test
  void withoutATimerTheCachesRegisterNoTimers() {
    caches = Caches.builder().environment(Map.of()).build();
    LarderCacheMetrics.monitor(registry, caches.getDefault(), "default");
    caches.getDefault().set("a", 1);
    caches.getDefault().get("a");

    assertThat(registry.find(LarderOperationTimers.NAME).timers()).isEmpty();
  }
}
