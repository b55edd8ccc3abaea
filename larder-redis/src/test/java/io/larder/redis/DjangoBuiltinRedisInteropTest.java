package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Django 4.2 app with Django's own {@code django.core.cache.backends.redis.RedisCache} (not
 * django-redis; Django 3.2 has no such backend) and Larder configured with the same backend name,
 * sharing one real Redis database: each reads what the other wrote, integers are decimal text,
 * everything else is pickled and never compressed, and expiry is in whole seconds.
 */
class DjangoBuiltinRedisInteropTest {
  private static final int DB = 3;
  private static final DjangoPython DJANGO_4_2 = DjangoPython.DJANGO_4_2;

  /** Django configured like {@link #open}; argv[1] is the URL. */
  private static final String DJANGO =
      """
      import sys, datetime
      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      client = cache._cache.get_client(write=True)
      values = {
          'str': 'h\\u00e9llo \\u2713 ' * 4, 'int': 42, 'negative': -7, 'long': 2**40,
          'big': 2**70, 'float': 1.5, 'dict': {'b': 1, 'a': [2, 'x' * 40]},
          'list': [1, 'two', 3.0], 'none': None, 'bytes': b'\\x00\\x01\\xff' * 10,
          'datetime': datetime.datetime(2024, 3, 5, 10, 20, 30, 123456), 'true': True,
      }
      """;

  private Caches caches;
  private Cache cache;
  private RedisExtension redis;

  @BeforeEach
  void open() {
    RedisServer server = RedisServers.standalone();
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("django.core.cache.backends.redis.RedisCache")
                        .location(server.url(DB))
                        .keyPrefix("site")
                        .version(2)
                        .option("serializer", "django.core.cache.backends.redis.RedisSerializer"))
            .build();
    cache = caches.getDefault();
    redis = cache.unwrap(RedisExtension.class);
    cache.clear();
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.close();
  }

  private static String django(String script) {
    return DJANGO_4_2.run(DJANGO + script, RedisServers.standalone().url(DB)).strip();
  }

  private static Map<String, Object> javaValues() {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("b", 1);
    dict.put("a", List.of(2, "x".repeat(40)));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("str", "héllo ✓ ".repeat(4));
    values.put("int", 42);
    values.put("negative", -7);
    values.put("long", 1L << 40);
    values.put("big", BigInteger.TWO.pow(70));
    values.put("float", 1.5);
    values.put("dict", dict);
    values.put("list", List.of(1, "two", 3.0));
    values.put("none", null);
    byte[] bytes = new byte[30];
    for (int i = 0; i < 30; i += 3) {
      bytes[i + 1] = 1;
      bytes[i + 2] = (byte) 0xff;
    }
    values.put("bytes", bytes);
    values.put("datetime", LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000));
    values.put("true", true);
    return values;
  }

  @Test
  void larderReadsWhatDjangoWrote() {
    django("for k, v in values.items(): cache.set(k, v)\n");

    javaValues()
        .forEach(
            (key, value) -> {
              if (value instanceof byte[] bytes) {
                assertThat((byte[]) cache.get(key)).as(key).isEqualTo(bytes);
              } else {
                assertThat((Object) cache.get(key, "<missing>")).as(key).isEqualTo(value);
              }
            });
  }

  @Test
  void djangoReadsWhatLarderWrote() {
    Map<String, Object> values = javaValues();
    values.forEach(cache::set);

    String report =
        django(
            """
            for k in values:
                got, want = cache.get(k, '<missing>'), values[k]
                same = type(got) is type(want) and got == want
                print(k, 'ok' if same else 'MISMATCH %r != %r' % (got, want))
            """);

    assertThat(report.lines()).hasSize(values.size()).allMatch(l -> l.endsWith(" ok"), report);
  }

  @Test
  void bothWriteIntegersAsDecimalTextAndEverythingElsePickledUncompressed() {
    cache.set("int", 12345678);
    cache.set("long_text", "x".repeat(100));
    cache.set("true", true);
    django("cache.set('d_int', 2**70)\ncache.set('d_text', 'x' * 100)\n");

    assertThat(text(raw("int"))).isEqualTo("12345678");
    assertThat(text(raw("d_int"))).isEqualTo("1180591620717411303424");
    // 0x80 is pickle's PROTO opcode: the 100 characters are not zlib-compressed (0x78).
    assertThat(raw("long_text")[0]).isEqualTo((byte) 0x80);
    assertThat(raw("d_text")[0]).isEqualTo((byte) 0x80);
    assertThat(raw("true")[0]).isEqualTo((byte) 0x80);
  }

  @Test
  void expiryIsInWholeSecondsTruncatedAsDjangosInt() {
    cache.set("larder", "v", Timeout.seconds(100.9));
    cache.set("larder_half", "v", Timeout.seconds(0.5));
    cache.set("larder_never", "v", Timeout.NEVER);
    django(
        "cache.set('django', 'v', 100.9)\n"
            + "cache.set('django_half', 'v', 0.5)\n"
            + "cache.set('django_never', 'v', None)\n");

    // 100.9 s is sent as 100 s: at most 100,000 ms are left; a Python run takes a few seconds.
    assertThat(redis.pttl("larder").toMillis()).isBetween(80_000L, 100_000L);
    assertThat(redis.pttl("django").toMillis()).isBetween(80_000L, 100_000L);
    assertThat(cache.hasKey("larder_half")).isFalse();
    assertThat(cache.hasKey("django_half")).isFalse();
    assertThat(redis.ttl("larder_never").isNever()).isTrue();
    assertThat(django("print(cache._cache.get_client().ttl(cache.make_key('larder')))"))
        .satisfies(ttl -> assertThat(Integer.parseInt(ttl)).isBetween(80, 100));
    assertThat(django("print(cache._cache.get_client().ttl(cache.make_key('larder_never')))"))
        .isEqualTo("-1");
  }

  @Test
  void touchSetsWholeSecondsOnBothSides() {
    cache.set("a", "v", Timeout.NEVER);
    django("cache.set('b', 'v', None)\n");

    assertThat(cache.touch("b", Timeout.seconds(30.7))).isTrue();
    assertThat(django("print(cache.touch('a', 30.7))")).isEqualTo("True");

    // 30.7 s is sent as 30 s: at most 30,000 ms are left, and a Python run takes a few seconds.
    assertThat(redis.pttl("a").toMillis()).isBetween(20_000L, 30_000L);
    assertThat(redis.pttl("b").toMillis()).isBetween(20_000L, 30_000L);
  }

  @Test
  void countersCrossOverKeepingTheirExpiry() {
    cache.set("counter", 41, Timeout.seconds(100));

    assertThat(django("print(cache.incr('counter'), cache._cache.get_client().ttl(cache.make_key('counter')) > 90)"))
        .isEqualTo("42 True");
    assertThat(cache.incr("counter", 8)).isEqualTo(50);
    assertThat(cache.decr("counter", 60)).isEqualTo(-10);
    assertThat(django("print(repr(cache.get('counter')))")).isEqualTo("-10");
  }

  @Test
  void manyAtOnceCrossOver() {
    django("cache.set_many({'a': 1, 'b': 'two' * 10, 'c': [3]}, 60)\n");
    assertThat(cache.getMany(List.of("a", "b", "c", "d")))
        .containsOnlyKeys("a", "b", "c")
        .containsEntry("a", 1)
        .containsEntry("b", "two".repeat(10));

    cache.setMany(Map.of("x", 7, "y", "why"), Timeout.seconds(60));
    assertThat(django("print(sorted(cache.get_many(['x', 'y', 'z']).items()))"))
        .isEqualTo("[('x', 7), ('y', 'why')]");
  }

  @Test
  void deletionAndAddCrossOver() {
    cache.set("k", "larder");
    assertThat(django("print(cache.add('k', 'django'), cache.delete('k'), cache.add('k', 'django'))"))
        .isEqualTo("False True True");
    assertThat(cache.add("k", "larder")).isFalse();
    assertThat((Object) cache.get("k")).isEqualTo("django");
  }

  private byte[] raw(String key) {
    return redis.commands().get(cache.makeKey(key).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
