package io.larder.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryView;
import io.larder.AsyncCache;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code options.entry_processors} on members that have Larder's classes: {@code auto} keeps the
 * entry processors there, {@code false} takes the stock calls anyway, with their guarantees. The
 * stock calls on members without the classes are {@link StockClusterCacheTest}'s.
 */
class EntryProcessorsOptionTest {
  private static final String MAP = "larder-entry-processors";
  private final TestMembers members = TestMembers.shared();

  private Caches caches(Object entryProcessors) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend("hazelcast")
                    .location(members.location())
                    .option("cluster_name", members.clusterName())
                    .option("map", MAP)
                    .option("entry_processors", entryProcessors))
        .build();
  }

  private EntryView<String, byte[]> entry(Cache cache, String key) {
    return members.client().<String, byte[]>getMap(MAP).getEntryView(cache.makeKey(key));
  }

  @Test
  void autoKeepsTheEntryProcessorsOnMembersThatHaveThem() {
    try (Caches caches = caches("auto")) {
      Cache cache = caches.getDefault();
      cache.set("counter", 1, Timeout.seconds(10));
      long expires = entry(cache, "counter").getExpirationTime();
      assertThat(cache.incr("counter")).isEqualTo(2);
      assertThat(cache.async().add("added", 1, Timeout.seconds(10)).join()).isTrue();
      assertThat(cache.async().touch("added", Timeout.seconds(20)).join()).isTrue();
      assertThat(cache.unwrap(HazelcastStore.class).larderClasses().known()).isTrue();
      assertThat(entry(cache, "counter").getExpirationTime()).isEqualTo(expires);
    }
  }

  @Test
  void falseCountsExactlyByStockCallsKeepingTheExpiryToTheSecond() {
    try (Caches caches = caches(false)) {
      Cache cache = caches.getDefault();
      cache.set("counter", 0, Timeout.seconds(30));
      long expires = entry(cache, "counter").getExpirationTime();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<CompletableFuture<?>> counting = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
          counting.add(
              CompletableFuture.runAsync(
                  () -> {
                    for (int i = 0; i < 100; i++) {
                      cache.incr("counter");
                    }
                  },
                  threads));
          counting.add(cache.async().incr("counter", 100));
        }
        counting.forEach(CompletableFuture::join);
      } finally {
        threads.shutdownNow();
      }
      assertThat(cache.<Integer>get("counter")).isEqualTo(800);
      assertThat(entry(cache, "counter").getExpirationTime()).isBetween(expires, expires + 1_000);
    }
  }

  @Test
  void falseAddsAndTouchesThroughAsyncByStockCalls() {
    try (Caches caches = caches("false")) {
      Cache cache = caches.getDefault();
      assertThat(cache.async().add("key", "first", Timeout.seconds(30)).join()).isTrue();
      assertThat(cache.async().add("key", "second", Timeout.seconds(30)).join()).isFalse();
      assertThat(entry(cache, "key").getTtl()).isEqualTo(30_000);
      assertThat(cache.async().touch("key", Timeout.seconds(90)).join()).isTrue();
      assertThat(cache.async().touch("missing", Timeout.seconds(90)).join()).isFalse();
      assertThat(entry(cache, "key").getTtl()).isEqualTo(90_000);
      assertThat(cache.<String>get("key")).isEqualTo("first");
    }
  }

  /**
   * With {@code false}, the asynchronous {@code add}, {@code touch} and {@code incr} are stock
   * calls waiting on a thread of Larder's pool: with the key's owner busy, that thread completes
   * them.
   */
  @Test
  void falseRunsTheAsynchronousAddTouchAndIncrOnLarderPool() {
    try (Caches caches = caches(false)) {
      Cache cache = caches.getDefault();
      Map<String, Function<AsyncCache, CompletableFuture<?>>> calls =
          Map.of(
              "add", async -> async.add("held", 0, Timeout.seconds(60)),
              "touch", async -> async.touch("held", Timeout.seconds(90)),
              "incr", async -> async.incr("held"));
      calls.forEach(
          (name, call) -> {
            cache.set("held", 41, Timeout.seconds(60));
            CompletableFuture<String> completedOn;
            try (HeldPartition held =
                HeldPartition.of(members.client().getMap(MAP), cache.makeKey("held"))) {
              CompletableFuture<?> answer = call.apply(cache.async());
              assertThat(answer).as(name + " while the owner is busy").isNotDone();
              completedOn = answer.thenApply(value -> Thread.currentThread().getName());
            }
            assertThat(completedOn.join())
                .as("the thread that completed " + name)
                .startsWith("larder-async-");
          });
    }
  }
}
