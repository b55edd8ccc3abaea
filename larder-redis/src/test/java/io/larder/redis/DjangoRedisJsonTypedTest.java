package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What docs/formats.md says of {@code json_typed} and Django, against real django-redis (Debian's
 * Django 3.2) with its JSONSerializer: Django parses a json_typed value but gets Java's type
 * annotations, not the value; Larder reads a Django-written object as a corrupt value.
 */
class DjangoRedisJsonTypedTest {
  private static final int DB = 11;

  /** argv[1] is the URL. */
  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'typed', 'TIMEOUT': 300,
          'OPTIONS': {'SERIALIZER': 'django_redis.serializers.json.JSONSerializer'}}})
      import django
      django.setup()
      from django.core.cache import cache
      """;

  record Line(String sku, int quantity, BigDecimal price) {}

  private Caches caches;

  private Cache open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("redis")
                        .location(RedisServers.standalone().url(DB))
                        .keyPrefix("typed")
                        .option("serializer", "json_typed")
                        .option("serializer_allow", List.of("io.larder.redis")))
            .build();
    Cache cache = caches.getDefault();
    cache.clear();
    return cache;
  }

  @AfterEach
  void close() {
    caches.getDefault().clear();
    caches.close();
  }

  private static String django(String script) {
    return DjangoPython.values()[0].run(DJANGO + script, RedisServers.standalone().url(DB));
  }

  @Test
  void djangoGetsJavasTypeAnnotationsNotTheValue() {
    open().set("line", new Line("A-1", 2, new BigDecimal("9.90")));

    String report = django("v = cache.get('line')\nprint(sorted(v))\nprint(v['price'])\n");

    assertThat(report.lines())
        .containsExactly("['@class', 'price', 'quantity', 'sku']", "['java.math.BigDecimal', 9.9]");
  }

  @Test
  void anObjectDjangoWroteIsACorruptValueToJsonTyped() {
    Cache cache = open();
    django("cache.set('order', {'id': 7, 'total': '12.50'})\ncache.set('text', 'hello')\n");

    assertThat(cache.get("order", "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat((String) cache.get("text")).isEqualTo("hello");
  }
}
