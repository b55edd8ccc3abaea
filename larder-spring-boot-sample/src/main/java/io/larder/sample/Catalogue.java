package io.larder.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** A slow catalogue whose lookups are cached in the {@code default} alias, under Django's keys. */
@Service
public class Catalogue {
  private final AtomicInteger lookups = new AtomicInteger();

  /** Stored under {@code sample:1:book:<id>}: a Django app with the same settings reads it. */
  @Cacheable(cacheNames = "default", key = "'book:' + #id")
  public String title(long id) throws InterruptedException {
    Thread.sleep(300);
    return "Book " + id + " (looked up " + lookups.incrementAndGet() + " times so far)";
  }

  @CacheEvict(cacheNames = "default", key = "'book:' + #id")
  public void forget(long id) {}
}
