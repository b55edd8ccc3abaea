package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Django app (Debian's Django 3.2 and 4.2 with python3-django-redis 5.2) configured with
 * django-redis's JSONSerializer, alone and with its lz4 compressor, and Larder with {@code
 * serializer: json} on one real Redis database: each reads the other's values, Larder also as a
 * record, and the bytes Larder writes are the bytes Django writes for the same value. And what
 * docs/formats.md says of {@code json_typed}: Django parses its values but gets Java's type
 * annotations, and an object Django wrote is a corrupt value to it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoRedisJsonInteropTest {
  @Parameter DjangoPython python;

  private static final int DB = 10;

  /** argv[1] is the URL, argv[2] the COMPRESSOR or ''. */
  private static final String DJANGO =
      """
      import sys, datetime, decimal, json, uuid
      from django.conf import settings
      options = {'SERIALIZER': 'django_redis.serializers.json.JSONSerializer'}
      if sys.argv[2]:
          options['COMPRESSOR'] = sys.argv[2]
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'json', 'TIMEOUT': 300, 'OPTIONS': options}})
      import django
      django.setup()
      from django.core.cache import cache
      from django.core.serializers.json import DjangoJSONEncoder
      raw = cache.client.get_client()
      order = {
          'id': 7, 'customer': 'Ad\\u00e1 \\u2713', 'items': ['tea', 'scones'] * 20,
          'placed': datetime.datetime(2024, 3, 5, 10, 20, 30, 123456),
          'total': decimal.Decimal('12.50'),
      }
      values = {
          'order': order,
          'mixed': {'n': None, 't': True, 'x': 1.5, 'big': 2**70, 'neg': -7,
                    'when': datetime.datetime(2024, 3, 5, 10, 20, 30, tzinfo=datetime.timezone.utc),
                    'id': uuid.UUID('12345678-1234-5678-1234-567812345678'), 'nested': [[1], [2, [3]]]},
          'text': 'h\\u00e9llo',
      }
      """;

  record Line(String sku, int quantity, BigDecimal price) {}

  record Order(int id, String customer, List<String> items, LocalDateTime placed, BigDecimal total) {}

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
                        .keyPrefix("json")
                        .option("serializer", "django_redis.serializers.json.JSONSerializer")
                        .option("compressor", compressor.isEmpty() ? "none" : compressor))
            .cache(
                "typed",
                c ->
                    c.backend("redis")
                        .location(RedisServers.standalone().url(DB))
                        .keyPrefix("json")
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

  private String django(String compressor, String script) {
    return python.run(DJANGO + script, RedisServers.standalone().url(DB), compressor);
  }

  private static Order order() {
    List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.addAll(List.of("tea", "scones"));
    }
    return new Order(
        7, "Adá ✓", items, LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000), new BigDecimal("12.50"));
  }

  private static Map<String, Object> mixed() {
    Map<String, Object> mixed = new LinkedHashMap<>();
    mixed.put("n", null);
    mixed.put("t", true);
    mixed.put("x", 1.5);
    mixed.put("big", BigInteger.TWO.pow(70));
    mixed.put("neg", -7);
    mixed.put("when", OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.UTC));
    mixed.put("id", UUID.fromString("12345678-1234-5678-1234-567812345678"));
    mixed.put("nested", List.of(List.of(1), List.of(2, List.of(3))));
    return mixed;
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "django_redis.compressors.lz4.Lz4Compressor"})
  void larderReadsWhatDjangoWroteAsJsonTypesAndAsARecord(String compressor) {
    Cache cache = open(compressor);
    django(compressor, "for k, v in values.items(): cache.set(k, v)\n");

    Order order = order();
    // Django writes date-times to the millisecond.
    assertThat(cache.get("order", Order.class))
        .isEqualTo(
            new Order(order.id(), order.customer(), order.items(), order.placed().withNano(123_000_000), order.total()));
    Map<String, Object> mixed = cache.get("mixed");
    assertThat(mixed)
        .containsEntry("n", null)
        .containsEntry("t", true)
        .containsEntry("x", 1.5)
        .containsEntry("big", BigInteger.TWO.pow(70))
        .containsEntry("neg", -7)
        .containsEntry("when", "2024-03-05T10:20:30Z")
        .containsEntry("id", "12345678-1234-5678-1234-567812345678")
        .containsEntry("nested", List.of(List.of(1), List.of(2, List.of(3))));
    assertThat(List.copyOf(mixed.keySet())).isEqualTo(List.copyOf(mixed().keySet()));
    assertThat((String) cache.get("text")).isEqualTo("héllo");
    assertThat(cache.get("order", Map.class)).containsEntry("placed", "2024-03-05T10:20:30.123");
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "django_redis.compressors.lz4.Lz4Compressor"})
  void djangoReadsWhatLarderWroteAndTheBytesAreDjangos(String compressor) {
    Cache cache = open(compressor);
    cache.set("order", order());
    cache.set("mixed", mixed());
    cache.set("text", "héllo");

    String report =
        django(
            compressor,
            """
            expected = dict(values)
            expected['order'] = json.loads(json.dumps(order, cls=DjangoJSONEncoder))
            expected['mixed'] = json.loads(json.dumps(values['mixed'], cls=DjangoJSONEncoder))
            for k, want in expected.items():
                got = cache.get(k, '<missing>')
                same_bytes = raw.get(cache.make_key(k)) == json.dumps(values[k], cls=DjangoJSONEncoder).encode()
                print(k, 'ok' if got == want and type(got) is type(want) else 'MISMATCH %r' % (got,),
                      'same-bytes' if same_bytes else 'other-bytes')
            """);

    assertThat(report.lines()).hasSize(3).allMatch(l -> l.contains(" ok "), report);
    if (compressor.isEmpty()) {
      assertThat(report.lines()).as("byte for byte").allMatch(l -> l.endsWith("same-bytes"), report);
    }
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "django_redis.compressors.lz4.Lz4Compressor"})
  void aCounterIsIncrementedFromBothSides(String compressor) {
    Cache cache = open(compressor);
    cache.set("counter", 41);

    assertThat(django(compressor, "print(cache.incr('counter'))\n").strip()).isEqualTo("42");
    assertThat(cache.incr("counter", 8)).isEqualTo(50);
    assertThat(django(compressor, "print(repr(cache.get('counter')))\n").strip()).isEqualTo("50");
    assertThat((Object) cache.get("counter")).isEqualTo(50);
  }

  @Test
  void djangoGetsJavasTypeAnnotationsFromAJsonTypedValueNotTheValue() {
    open("");
    caches.get("typed").set("line", new Line("A-1", 2, new BigDecimal("9.90")));

    String report = django("", "v = cache.get('line')\nprint(sorted(v))\nprint(v['price'])\n");

    assertThat(report.lines())
        .containsExactly("['@class', 'price', 'quantity', 'sku']", "['java.math.BigDecimal', 9.9]");
  }

  @Test
  void anObjectDjangoWroteIsACorruptValueToJsonTyped() {
    open("");
    django("", "for k, v in values.items(): cache.set(k, v)\n");

    Cache typed = caches.get("typed");
    assertThat(typed.get("order", "miss")).isEqualTo("miss");
    assertThat(typed.stats().corruptReads()).isEqualTo(1);
    assertThat((String) typed.get("text")).isEqualTo("héllo");
  }
}
