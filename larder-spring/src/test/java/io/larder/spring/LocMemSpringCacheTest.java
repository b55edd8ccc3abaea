package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Spring's cache contract on a local-memory cache. */
class LocMemSpringCacheTest extends SpringCacheContractTest {
  /**
   * Local memory answers {@code async()} reads before returning the future, so both callers below
   * have missed before the load completes; a backend that reads on a pool thread could see the
   * second read finish after the first load stored its value, a race this test would not decide.
   */
  @Test
  void concurrentRetrievesOfAMissShareOneLoad() throws Exception {
    CompletableFuture<String> gate = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> first =
        cache.retrieve("title", () -> gate.thenApply(v -> v + calls.incrementAndGet()));
    CompletableFuture<String> second =
        cache.retrieve("title", () -> gate.thenApply(v -> v + calls.incrementAndGet()));
    gate.complete("Dune ");

    assertThat(await(first)).isEqualTo("Dune 1");
    assertThat(await(second)).isEqualTo("Dune 1");
    assertThat(calls).hasValue(1);
  }

  @Override
  protected Caches open() {
    return Caches.builder()
        .environment(Map.of())
        .config(
            Map.of(
                "default",
                Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
        .build();
  }
}
