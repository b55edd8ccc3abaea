package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** async() of a store that blocks on I/O runs on Larder's bounded, named pool. */
class AsyncExecutorTest {
  @TempDir Path dir;

  @Test
  void manyConcurrentCallsShareABoundedPoolOfNamedThreads() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("filebased").location(dir.toString()))
            .build()) {
      Cache cache = caches.getDefault();
      List<CompletableFuture<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = "k" + i;
        calls.add(
            cache.async().getOrSet(key, () -> {
              threads.add(Thread.currentThread().getName());
              return key;
            }));
      }
      calls.forEach(CompletableFuture::join);
    }
    assertThat(threads).allMatch(name -> name.startsWith("larder-async-"));
    assertThat(threads.size()).isLessThanOrEqualTo(AsyncExecutor.threads());
  }

  @Test
  void aBuilderExecutorIsUsedInstead() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .asyncExecutor(task -> {
              threads.add("mine");
              task.run();
            })
            .cache("default", c -> c.backend("filebased").location(dir.toString()))
            .build()) {
      caches.getDefault().async().set("k", "v").join();
    }
    assertThat(threads).containsExactly("mine");
  }
}
