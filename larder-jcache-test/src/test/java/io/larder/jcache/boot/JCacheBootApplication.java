package io.larder.jcache.boot;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Boot application whose caches are Larder's through JCache: {@code spring.cache.type=jcache}
 * with Larder's provider (application.yml), and the caches Boot creates statistics-enabled, so
 * Boot's JCache metrics count them.
 */
@SpringBootApplication
@EnableCaching
public class JCacheBootApplication {
  public static void main(String[] args) {
    SpringApplication.run(JCacheBootApplication.class, args);
  }

  /** The configuration Boot gives each cache it creates from {@code spring.cache.cache-names}. */
  @Bean
  Configuration<Object, Object> jcacheConfiguration() {
    return new MutableConfiguration<>().setStatisticsEnabled(true);
  }

  /** A slow price list: each computation counted. */
  @Service
  public static class Prices {
    final AtomicInteger computed = new AtomicInteger();

    @Cacheable("prices")
    public String price(int id) {
      return id + ":" + computed.incrementAndGet();
    }

    /** How many prices were computed (a method: the bean is a proxy). */
    public int computations() {
      return computed.get();
    }

    /** Null for an unknown id: cached as Spring's NullValue. */
    @Cacheable("prices")
    public String discontinued(String id) {
      computed.incrementAndGet();
      return null;
    }

    @CacheEvict("prices")
    public void forget(int id) {}
  }

  @RestController
  static class PriceController {
    private final Prices prices;

    PriceController(Prices prices) {
      this.prices = prices;
    }

    @GetMapping("/prices/{id}")
    String price(@PathVariable int id) {
      return prices.price(id);
    }

    @DeleteMapping("/prices/{id}")
    void forget(@PathVariable int id) {
      prices.forget(id);
    }
  }
}
