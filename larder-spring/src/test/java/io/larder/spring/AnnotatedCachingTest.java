package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} in a real Spring context; records
 * cached as {@code json_typed} (docs/formats.md) read back as the records.
 */
class AnnotatedCachingTest {
  record Book(long id, String title, BigDecimal price, LocalDate published, List<String> authors) {}

  private AnnotationConfigApplicationContext context;
  private Books books;
  private Caches caches;

  @BeforeEach
  void start() {
    context = new AnnotationConfigApplicationContext(Config.class);
    books = context.getBean(Books.class);
    caches = context.getBean(Caches.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void cacheableComputesOnceThenServesTheStoredValue() {
    assertThat(books.title(1)).isEqualTo("title 1 #1");
    assertThat(books.title(1)).isEqualTo("title 1 #1");
    assertThat(books.calls()).isEqualTo(1);
  }

  @Test
  void cacheableStoresUnderTheKeyTheMethodsArgumentMakes() {
    books.title(7);

    assertThat((String) caches.get("books").get("7")).isEqualTo("title 7 #1");
  }

  @Test
  void cacheableCachesANullResult() {
    assertThat(books.nothing("x")).isNull();
    assertThat(books.nothing("x")).isNull();
    assertThat(books.calls()).isEqualTo(1);
  }

  @Test
  void cachePutReplacesTheStoredValue() {
    books.title(1);

    books.rename(1, "Dune");

    assertThat(books.title(1)).isEqualTo("Dune");
  }

  @Test
  void cacheEvictRemovesTheEntry() {
    books.title(1);

    books.forget(1);

    assertThat(books.title(1)).isEqualTo("title 1 #2");
  }

  @Test
  void cacheEvictAllEntriesClearsTheCache() {
    books.title(1);
    books.title(2);

    books.forgetAll();

    assertThat(books.title(1)).isEqualTo("title 1 #3");
  }

  @Test
  void severalParametersMakeOneKey() {
    books.page(3, "en");

    assertThat((String) caches.get("books").get("3,en")).isEqualTo("page 3 en");
  }

  @Test
  void syncCacheableComputesOnceUnderSixteenConcurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return books.slow("report");
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("report #1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(books.slowCalls()).isEqualTo(1);
  }

  @Test
  void anAsyncCacheableComputesOnceThenCompletesFromTheCache() throws Exception {
    assertThat(books.review(5).get(10, TimeUnit.SECONDS)).isEqualTo("review 5 #1");
    assertThat(books.review(5).get(10, TimeUnit.SECONDS)).isEqualTo("review 5 #1");
    assertThat((String) caches.get("books").get("5")).isEqualTo("review 5 #1");
  }

  @Test
  void aRecordCachedAsJsonTypedIsServedAsTheRecord() {
    Book first = books.book(7);
    Book second = books.book(7);

    assertThat(second).isEqualTo(first);
    assertThat(books.calls()).isEqualTo(1);
    assertThat((Object) caches.get("records").get("7")).isEqualTo(first);
  }

  @Test
  void aNullResultIsCachedAsJsonTypedToo() {
    assertThat(books.noBook(1)).isNull();
    assertThat(books.noBook(1)).isNull();
    assertThat(books.calls()).isEqualTo(1);
  }

  @Configuration
  @EnableCaching
  static class Config {
    @Bean(destroyMethod = "close")
    Caches caches() {
      return Caches.builder()
          .environment(Map.of())
          .config(
              Map.of(
                  "default",
                  Map.of("backend", "locmem", "location", UUID.randomUUID().toString()),
                  "books",
                  Map.of("backend", "locmem", "location", UUID.randomUUID().toString()),
                  "records",
                  Map.of(
                      "backend", "locmem",
                      "location", UUID.randomUUID().toString(),
                      "options",
                          Map.of(
                              "store_by_value", true,
                              "serializer", "json_typed",
                              "serializer_allow", List.of("io.larder.spring")))))
          .build();
    }

    @Bean
    LarderCacheManager cacheManager(Caches caches) {
      return LarderCacheManager.of(caches);
    }

    @Bean
    Books books() {
      return new Books();
    }
  }

  static class Books {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger slowCalls = new AtomicInteger();
    final AtomicInteger reviews = new AtomicInteger();

    /** Spring proxies this class, so tests read the counters through methods, not fields. */
    public int calls() {
      return calls.get();
    }

    public int slowCalls() {
      return slowCalls.get();
    }

    @Cacheable("books")
    public String title(long id) {
      return "title " + id + " #" + calls.incrementAndGet();
    }

    @Cacheable("books")
    public String nothing(String id) {
      calls.incrementAndGet();
      return null;
    }

    @Cacheable("records")
    public Book book(long id) {
      calls.incrementAndGet();
      return new Book(
          id, "Dune", new BigDecimal("9.99"), LocalDate.of(1965, 8, 1), List.of("Frank Herbert"));
    }

    @Cacheable("records")
    public Book noBook(long id) {
      calls.incrementAndGet();
      return null;
    }

    @Cacheable("books")
    public String page(int page, String lang) {
      return "page " + page + " " + lang;
    }

    @CachePut(cacheNames = "books", key = "#p0")
    public String rename(long id, String title) {
      return title;
    }

    @CacheEvict("books")
    public void forget(long id) {}

    @CacheEvict(cacheNames = "books", allEntries = true)
    public void forgetAll() {}

    @Cacheable(cacheNames = "default", sync = true)
    public String slow(String name) throws InterruptedException {
      int call = slowCalls.incrementAndGet();
      Thread.sleep(200);
      return name + " #" + call;
    }

    @Cacheable("books")
    public CompletableFuture<String> review(int id) {
      return CompletableFuture.supplyAsync(() -> "review " + id + " #" + reviews.incrementAndGet());
    }
  }
}
