package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Django app (Debian's Django 3.2 and 4.2, python3-django-redis 5.2, python3-msgpack 1.0)
 * configured with django-redis's MSGPackSerializer, alone and with its lzma compressor,
 * and Larder with {@code serializer: msgpack} on one real Redis database: each reads the other's
 * values, Larder also as a record, and the bytes Larder writes are the bytes Django writes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoRedisMsgpackInteropTest {
  @Parameter DjangoPython python;

  private static final int DB = 11;

  /** argv[1] is the URL, argv[2] 'lzma' or ''. */
  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      options = {'SERIALIZER': 'django_redis.serializers.msgpack.MSGPackSerializer'}
      if sys.argv[2]:
          options['COMPRESSOR'] = 'django_redis.compressors.lzma.LzmaCompressor'
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'mp', 'TIMEOUT': 300, 'OPTIONS': options}})
      import django
      django.setup()
      import msgpack
      from django.core.cache import cache
      raw = cache.client.get_client()
      values = {
          'order': {'id': 7, 'customer': 'Ad\\u00e1', 'items': ['tea', 'scones'] * 30, 'total': '12.50'},
          'mixed': {'n': None, 't': True, 'x': 1.5, 'big': 2**64 - 1, 'neg': -7, 'b': b'\\x00\\xff' * 60},
          'text': 'h\\u00e9llo' * 30,
      }
      """;

  record Order(int id, String customer, List<String> items, String total) {}

  private Caches caches;

  private Cache open(String compressor) {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("django_redis.cache.RedisCache")
                        .location(RedisServers.standalone().url(DB))
                        .keyPrefix("mp")
                        .option("serializer", "django_redis.serializers.msgpack.MSGPackSerializer")
                        .option("compressor", compressor.isEmpty() ? "none" : compressor))
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

  private String django(String compressor, String script) {
    return python.run(DJANGO + script, RedisServers.standalone().url(DB), compressor);
  }

  private static Order order() {
    List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.addAll(List.of("tea", "scones"));
    }
    return new Order(7, "Adá", items, "12.50");
  }

  private static byte[] bytes() {
    byte[] b = new byte[120];
    for (int i = 1; i < b.length; i += 2) {
      b[i] = (byte) 0xff;
    }
    return b;
  }

  private static Map<String, Object> mixed() {
    Map<String, Object> mixed = new LinkedHashMap<>();
    mixed.put("n", null);
    mixed.put("t", true);
    mixed.put("x", 1.5);
    mixed.put("big", BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    mixed.put("neg", -7);
    mixed.put("b", bytes());
    return mixed;
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "lzma"})
  void larderReadsWhatDjangoWroteAndAsARecord(String compressor) {
    Cache cache = open(compressor);
    django(compressor, "for k, v in values.items(): cache.set(k, v)\n");

    assertThat(cache.get("order", Order.class)).isEqualTo(order());
    Map<String, Object> mixed = cache.get("mixed");
    assertThat((byte[]) mixed.get("b")).isEqualTo(bytes());
    mixed.remove("b");
    Map<String, Object> expected = mixed();
    expected.remove("b");
    assertThat(mixed).isEqualTo(expected);
    assertThat((String) cache.get("text")).isEqualTo("héllo".repeat(30));
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "lzma"})
  void djangoReadsWhatLarderWroteAndTheBytesAreDjangos(String compressor) {
    Cache cache = open(compressor);
    cache.set("order", order());
    cache.set("mixed", mixed());
    cache.set("text", "héllo".repeat(30));

    String report =
        django(
            compressor,
            """
            for k, want in values.items():
                got = cache.get(k, '<missing>')
                same_bytes = raw.get(cache.make_key(k)) == msgpack.dumps(want)
                print(k, 'ok' if got == want else 'MISMATCH %r' % (got,),
                      'same-bytes' if same_bytes else 'other-bytes')
            """);

    assertThat(report.lines()).hasSize(3).allMatch(l -> l.contains(" ok "), report);
    if (compressor.isEmpty()) {
      assertThat(report.lines()).as("byte for byte").allMatch(l -> l.endsWith("same-bytes"), report);
    }
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "lzma"})
  void aCounterIsIncrementedFromBothSides(String compressor) {
    Cache cache = open(compressor);
    cache.set("counter", 41);

    assertThat(django(compressor, "print(cache.incr('counter'))\n").strip()).isEqualTo("42");
    assertThat(cache.incr("counter", 8)).isEqualTo(50);
    assertThat(django(compressor, "print(repr(cache.get('counter')))\n").strip()).isEqualTo("50");
  }
}
