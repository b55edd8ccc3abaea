package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app (Debian's python3-django with python3-django-redis) reads, from a real Redis, what
 * a JCache stored under a string key with the pickle serializer, and the JCache reads what Django
 * stored.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoSharesJCacheTest {
  @Parameter DjangoPython python;

  private static final int DB = 7;

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

  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());
  private String url;
  private Cache<Object, Object> cache;

  @BeforeEach
  void openCache(@TempDir Path dir) throws IOException {
    url = RedisServers.standalone().url(DB);
    Path file = dir.resolve("larder.yml");
    Files.writeString(
        file,
        """
        caches:
          default:
            backend: django_redis.cache.RedisCache
            location: %s
            key_prefix: shop
            options: { serializer: django_redis.serializers.pickle.PickleSerializer }
        """
            .formatted(url));
    CacheManager manager = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
    cache = manager.getCache("default");
  }

  @AfterEach
  void closeManagers() {
    cache.clear();
    provider.close();
  }

  @Test
  void djangoReadsWhatTheJCacheStoredUnderAStringKey() {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", "product 42");
    product.put("tags", List.of("new", "sale"));
    cache.put("product:42", product);

    String read = python.run(DJANGO, url, "read", "product:42");

    assertThat(read.strip()).isEqualTo("{'name': 'product 42', 'tags': ['new', 'sale']}");
  }

  @Test
  void theJCacheReadsWhatDjangoStored() {
    python.run(DJANGO, url, "write", "product:9");

    assertThat(cache.get("product:9")).isEqualTo(Map.of("name", "from django", "stock", 3));
  }
}
