package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Django app (Debian's python3-django with python3-django-redis) reads, from a real Redis, what
 * {@code @Cacheable("default")} stored under a string key with the pickle serializer; and a value
 * Django stored is a hit for {@code @Cacheable}.
 */
class DjangoReadsCacheableTest {
  private static final int DB = 6;

  /** argv[1]: the Redis URL; argv[2]: 'read KEY' or 'write KEY'. */
  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'shop', 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      if sys.argv[2] == 'read':
          print(repr(cache.get(sys.argv[3], 'MISSING')))
      else:
          cache.set(sys.argv[3], {'name': 'from django', 'stock': 3})
      """;

  private AnnotationConfigApplicationContext context;
  private Catalogue catalogue;
  private String url;

  @BeforeEach
  void start() {
    url = RedisServers.standalone().url(DB);
    System.setProperty("larder.test.redis", url);
    context = new AnnotationConfigApplicationContext(Config.class);
    catalogue = context.getBean(Catalogue.class);
    context.getBean(Caches.class).getDefault().clear();
  }

  @AfterEach
  void stop() {
    context.getBean(Caches.class).getDefault().clear();
    context.close();
    System.clearProperty("larder.test.redis");
  }

  @Test
  void djangoReadsWhatCacheableStoredUnderAStringKey() {
    catalogue.product("42");

    String read = DjangoPython.run(DJANGO, url, "read", "product:42");

    assertThat(read.strip())
        .isEqualTo("{'name': 'product 42', 'tags': ['new', 'sale'], 'price': 1999}");
  }

  @Test
  void djangoReadsACachedNullAsNone() {
    catalogue.missing("7");

    assertThat(DjangoPython.run(DJANGO, url, "read", "missing:7").strip()).isEqualTo("None");
  }

  @Test
  void cacheableServesWhatDjangoStored() {
    DjangoPython.run(DJANGO, url, "write", "product:9");

    assertThat(catalogue.product("9")).isEqualTo(Map.of("name", "from django", "stock", 3));
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
                      "backend",
                      "django_redis.cache.RedisCache",
                      "location",
                      System.getProperty("larder.test.redis"),
                      "key_prefix",
                      "shop",
                      "options",
                      Map.of("serializer", "django_redis.serializers.pickle.PickleSerializer"))))
          .build();
    }

    @Bean
    LarderCacheManager cacheManager(Caches caches) {
      return LarderCacheManager.of(caches);
    }

    @Bean
    Catalogue catalogue() {
      return new Catalogue();
    }
  }

  static class Catalogue {
    @Cacheable(cacheNames = "default", key = "'product:' + #p0")
    public Map<String, Object> product(String id) {
      Map<String, Object> product = new LinkedHashMap<>();
      product.put("name", "product " + id);
      product.put("tags", List.of("new", "sale"));
      product.put("price", 1999);
      return product;
    }

    @Cacheable(cacheNames = "default", key = "'missing:' + #p0")
    public Object missing(String id) {
      return null;
    }
  }
}
