package io.larder.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.larder.Caches;
import io.larder.spring.LarderCacheManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An {@code @Cacheable} hit through Spring's proxy, with {@link LarderCacheManager} on locmem and
 * with Spring's {@link CaffeineCacheManager}, side by side in one run: the gap is what Larder's
 * adapter, key form and engine cost on top of Spring's own caching.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpringCacheBenchmark {
  static final int ENTRIES = Integer.getInteger("entries", 10_000);

  /** The service both contexts proxy. */
  public static class Books {
    @Cacheable("books")
    public String title(String id) {
      return "title " + id;
    }
  }

  @Configuration
  @EnableCaching
  public static class LarderConfig {
    @Bean(destroyMethod = "close")
    public Caches caches() {
      return BenchCaches.builder()
          .cache("default", c -> c.backend("locmem"))
          .cache("books", c -> c.backend("locmem").option("max_entries", ENTRIES * 2))
          .build();
    }

    @Bean
    public CacheManager cacheManager(Caches caches) {
      return LarderCacheManager.of(caches);
    }

    @Bean
    public Books books() {
      return new Books();
    }
  }

  @Configuration
  @EnableCaching
  public static class CaffeineConfig {
    @Bean
    public CacheManager cacheManager() {
      CaffeineCacheManager manager = new CaffeineCacheManager("books");
      manager.setCaffeine(Caffeine.newBuilder().maximumSize(ENTRIES * 2L));
      return manager;
    }

    @Bean
    public Books books() {
      return new Books();
    }
  }

  @State(Scope.Benchmark)
  public static class Services {
    AnnotationConfigApplicationContext larderContext;
    AnnotationConfigApplicationContext caffeineContext;
    Books larder;
    Books caffeine;
    org.springframework.cache.Cache larderCache;
    org.springframework.cache.Cache caffeineCache;

    @Setup
    public void start() {
      larderContext = new AnnotationConfigApplicationContext(LarderConfig.class);
      caffeineContext = new AnnotationConfigApplicationContext(CaffeineConfig.class);
      larder = larderContext.getBean(Books.class);
      caffeine = caffeineContext.getBean(Books.class);
      larderCache = larderContext.getBean(CacheManager.class).getCache("books");
      caffeineCache = caffeineContext.getBean(CacheManager.class).getCache("books");
      for (String key : new Keys("key", ENTRIES).all()) {
        larder.title(key);
        caffeine.title(key);
      }
    }

    @TearDown
    public void stop() {
      larderContext.close();
      caffeineContext.close();
    }
  }

  /** Each thread walks its own key sequence. */
  @State(Scope.Thread)
  public static class ThreadKeys {
    final Keys present = new Keys("key", ENTRIES);
  }

  @Benchmark
  public Object larderCacheableHit(Services s, ThreadKeys k) {
    return s.larder.title(k.present.next());
  }

  @Benchmark
  public Object caffeineCacheableHit(Services s, ThreadKeys k) {
    return s.caffeine.title(k.present.next());
  }

  /** The adapters alone, without Spring's proxy: where the gap above comes from. */
  @Benchmark
  public Object larderAdapterHit(Services s, ThreadKeys k) {
    return s.larderCache.get(k.present.next());
  }

  @Benchmark
  public Object caffeineAdapterHit(Services s, ThreadKeys k) {
    return s.caffeineCache.get(k.present.next());
  }
}
