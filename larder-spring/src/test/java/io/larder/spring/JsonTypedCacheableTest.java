package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Cacheable} methods returning records, on a cache that stores them as {@code json_typed}
 * (docs/formats.md): the cached value reads back as the record, not as a map.
 */
class JsonTypedCacheableTest {
  record Book(long id, String title, BigDecimal price, LocalDate published, List<String> authors) {}

  private AnnotationConfigApplicationContext context;
  private Library library;
  private Caches caches;

  @BeforeEach
  void start() {
    context = new AnnotationConfigApplicationContext(Config.class);
    library = context.getBean(Library.class);
    caches = context.getBean(Caches.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void aCachedRecordIsServedAsTheRecord() {
    Book first = library.book(7);
    Book second = library.book(7);

    assertThat(second).isEqualTo(first);
    assertThat(library.calls()).isEqualTo(1);
    assertThat((Object) caches.getDefault().get("7")).isEqualTo(first);
  }

  @Test
  void aNullResultIsCachedToo() {
    assertThat(library.missing(1)).isNull();
    assertThat(library.missing(1)).isNull();
    assertThat(library.calls()).isEqualTo(1);
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
    Library library() {
      return new Library();
    }
  }

  static class Library {
    final AtomicInteger calls = new AtomicInteger();

    /** Spring proxies this class, so tests read the counter through a method. */
    public int calls() {
      return calls.get();
    }

    @Cacheable("default")
    public Book book(long id) {
      calls.incrementAndGet();
      return new Book(
          id, "Dune", new BigDecimal("9.99"), LocalDate.of(1965, 8, 1), List.of("Frank Herbert"));
    }

    @Cacheable("default")
    public Book missing(long id) {
      calls.incrementAndGet();
      return null;
    }
  }
}
