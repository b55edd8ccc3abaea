package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Django app (Debian's Django 3.2 and 4.2 with python3-django-redis 5.2) and Larder sharing one
 * real Redis database, with the same key prefix and version, with and without django-redis's zlib
 * compressor: each reads what the other wrote.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoRedisInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final int DB = 2;

  /** Django configured like {@link #open}; argv[1] is the URL, argv[2] the compressor or ''. */
  private static final String DJANGO =
      """
      import sys, datetime
      from django.conf import settings
      options = {'COMPRESSOR': sys.argv[2]} if sys.argv[2] else {}
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300, 'OPTIONS': options}})
      import django
      django.setup()
      from django.core.cache import cache
      values = {
          'str': 'h\\u00e9llo \\u2713 ' * 4, 'int': 42, 'negative': -7, 'long': 2**40, 'float': 1.5,
          'dict': {'b': 1, 'a': [2, 'x' * 40]}, 'list': [1, 'two', 3.0], 'none': None,
          'bytes': b'\\x00\\x01\\xff' * 10, 'datetime': datetime.datetime(2024, 3, 5, 10, 20, 30, 123456),
          'true': True, 'short': 'hi',
      }
      """;

  private Caches caches;

  private Cache open(String compressor) {
    RedisServer server = RedisServers.standalone();
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("django_redis.cache.RedisCache")
                        .location(server.url(DB))
                        .keyPrefix("site")
                        .version(2)
                        .option("serializer", "django_redis.serializers.pickle.PickleSerializer")
                        .option(
                            "compressor",
                            compressor.isEmpty() ? "none" : djangoCompressor(compressor)))
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
    return python.run(
        DJANGO + script, RedisServers.standalone().url(DB), djangoCompressor(compressor));
  }

  private static String djangoCompressor(String compressor) {
    return compressor.isEmpty() ? "" : "django_redis.compressors.zlib.ZlibCompressor";
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
    values.put("float", 1.5);
    values.put("dict", dict);
    values.put("list", List.of(1, "two", 3.0));
    values.put("none", null);
    byte[] bytes = new byte[30];
    for (int i = 0; i < 30; i += 3) {
      bytes[i] = 0;
      bytes[i + 1] = 1;
      bytes[i + 2] = (byte) 0xff;
    }
    values.put("bytes", bytes);
    values.put("datetime", LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000));
    values.put("true", true);
    values.put("short", "hi");
    return values;
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "zlib"})
  void javaReadsWhatDjangoWrote(String compressor) {
    Cache cache = open(compressor);
    django(compressor, "for k, v in values.items(): cache.set(k, v)\n");

    Map<String, Object> expected = javaValues();
    expected.forEach(
        (key, value) -> {
          if (value instanceof byte[] bytes) {
            assertThat((byte[]) cache.get(key)).as(key).isEqualTo(bytes);
          } else {
            assertThat((Object) cache.get(key, "<missing>")).as(key).isEqualTo(value);
          }
        });
  }

  @ParameterizedTest(name = "compressor ''{0}''")
  @ValueSource(strings = {"", "zlib"})
  void djangoReadsWhatJavaWrote(String compressor) {
    Cache cache = open(compressor);
    Map<String, Object> values = javaValues();
    values.forEach(cache::set);

    String report =
        django(
            compressor,
            """
            for k in values:
                got, want = cache.get(k, '<missing>'), values[k]
                same = type(got) is type(want) and got == want
                print(k, 'ok' if same else 'MISMATCH %r != %r' % (got, want))
            """);

    assertThat(report.lines()).hasSize(values.size()).allMatch(l -> l.endsWith(" ok"), report);
  }

  @Test
  void javaCompressesAsDjangoRedisDoesAboveFifteenBytes() {
    Cache cache = open("zlib");
    cache.set("long", "x".repeat(100));
    cache.set("short", "hi");
    cache.set("int", 12345678);
    RedisExtension redis = cache.unwrap(RedisExtension.class);

    assertThat(raw(redis, cache.makeKey("long"))[0]).isEqualTo((byte) 0x78);
    assertThat(raw(redis, cache.makeKey("short"))[0]).isEqualTo((byte) 0x80);
    assertThat(new String(raw(redis, cache.makeKey("int")), StandardCharsets.US_ASCII))
        .isEqualTo("12345678");
  }

  @Test
  void djangoIncrementsAJavaWrittenIntegerKeepingItsTtl() {
    Cache cache = open("");
    cache.set("counter", 41, Timeout.seconds(100));

    assertThat(django("", "print(cache.incr('counter'), cache.ttl('counter') > 90)\n").strip())
        .isEqualTo("42 True");
    assertThat(cache.incr("counter", 8)).isEqualTo(50);
    assertThat(django("", "print(cache.get('counter'))\n").strip()).isEqualTo("50");
  }

  @Test
  void anIntegerStoredAsTextByAnotherClientIsReadAsAnInteger() {
    Cache cache = open("");
    RedisExtension redis = cache.unwrap(RedisExtension.class);
    redis.commands().set(bytes(cache.makeKey("text")), bytes("007"));
    cache.set("string", "12");

    assertThat((Object) cache.get("text")).isEqualTo(7);
    // A Java String "12" is pickled, so it stays a string on both sides.
    assertThat((Object) cache.get("string")).isEqualTo("12");
    assertThat(django("", "print(repr(cache.get('text')), repr(cache.get('string')))\n").strip())
        .isEqualTo("7 '12'");
  }

  /**
   * Each side's 100.5 s is held to the millisecond, checked on the server's clock: Python reads
   * the server's time just before and after its write, as Java does around its own, so the check
   * does not depend on how long Python takes to start or exit.
   */
  @Test
  void theyShareTimeoutsInMilliseconds() {
    Cache cache = open("");
    String[] around =
        django(
                "",
                """
                client = cache.client.get_client()
                def now():
                    seconds, micros = client.time()
                    return seconds * 1000 + micros // 1000
                before = now()
                cache.set('d', 'x', 100.5)
                after = now()
                cache.set('forever', 'y', None)
                print(before, after)
                """)
            .strip()
            .split(" ");
    RedisExtension redis = cache.unwrap(RedisExtension.class);

    ServerTime.assertExpiresAfter(
        redis.commands(),
        cache.makeKey("d"),
        Duration.ofMillis(100_500),
        Long.parseLong(around[0]),
        Long.parseLong(around[1]));
    assertThat(redis.pttl("forever").isNever()).isTrue();

    long before = ServerTime.nowMillis(redis.commands());
    cache.set("from_java", "z", Timeout.seconds(100.5));
    long after = ServerTime.nowMillis(redis.commands());
    ServerTime.assertExpiresAfter(
        redis.commands(), cache.makeKey("from_java"), Duration.ofMillis(100_500), before, after);
    assertThat(django("", "print(0 < cache.pttl('from_java') <= 100500)\n").strip())
        .isEqualTo("True");
  }

  @Test
  void theyShareKeyPatternsAndDeletion() {
    Cache cache = open("");
    django("", "cache.set('user:1', 1)\ncache.set('user:2', 2)\ncache.set('other', 3)\n");
    RedisExtension redis = cache.unwrap(RedisExtension.class);

    assertThat(redis.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(redis.deletePattern("user:*")).isEqualTo(2);
    assertThat(django("", "print(sorted(cache.keys('*')))\n").strip()).isEqualTo("['other']");
  }

  @Test
  void theyShareLocks() {
    Cache cache = open("");
    django("", "assert cache.lock('nightly', timeout=30).acquire(blocking=False)\n");
    RedisExtension redis = cache.unwrap(RedisExtension.class);

    try (RedisLock lock = redis.lock("nightly", Timeout.seconds(30))) {
      assertThat(lock.tryAcquire()).isFalse();
    }
    try (RedisLock lock = redis.lock("weekly", Timeout.seconds(30))) {
      assertThat(lock.acquire(Duration.ZERO)).isTrue();
      assertThat(django("", "print(cache.lock('weekly').acquire(blocking=False))\n").strip())
          .isEqualTo("False");
    }
    assertThat(django("", "print(cache.lock('weekly').acquire(blocking=False))\n").strip())
        .isEqualTo("True");
  }

  @Test
  void getManyReadsWhatDjangoWroteWithSetMany() {
    Cache cache = open("zlib");
    django("zlib", "cache.set_many({'a': 1, 'b': 'two' * 10, 'c': [3]})\n");

    Map<String, Object> found = cache.getMany(List.of("a", "b", "c", "d"));
    assertThat(new ArrayList<>(found.keySet())).containsExactly("a", "b", "c");
    assertThat(found).containsEntry("a", 1).containsEntry("b", "two".repeat(10));
  }

  private static byte[] raw(RedisExtension redis, String key) {
    return redis.commands().get(bytes(key));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
