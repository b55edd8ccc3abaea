package io.larder.boot3;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot 3.5 application that adds only the starter and application.yml. */
@SpringBootApplication
@EnableCaching
public class Boot3Application {
  /** A lookup that counts its computations. */
  @Service
  public static class Prices {
    final AtomicInteger computed = new AtomicInteger();

    @Cacheable(cacheNames = "default", key = "'price:' + #id")
    public String price(long id) {
      return id + " costs " + computed.incrementAndGet();
    }

    @CacheEvict(cacheNames = "default", key = "'price:' + #id")
    public void forget(long id) {}
  }

  /** A page the page cache may serve. */
  @RestController
  public static class Clock {
    private final AtomicInteger rendered = new AtomicInteger();

    @GetMapping("/rendered/{page}")
    public String rendered(@PathVariable String page) {
      return page + " rendered " + rendered.incrementAndGet();
    }
  }
}
