package io.larder.django;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app (Debian's python3-django) and Larder sharing one file cache directory, with the same
 * key prefix and version: each reads what the other wrote.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoFileInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  /** Django configured like {@link #caches}; the directory is argv[1]. */
  private static final String DJANGO =
      """
      import sys, datetime, decimal, collections, zoneinfo
      from django.conf import settings
      settings.configure(USE_TZ=True, CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',
          'LOCATION': sys.argv[1], 'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      from django.utils import timezone
      import pytz
      tz = datetime.timezone
      td = datetime.timedelta
      values = {
          'none': None, 'true': True, 'int': 42, 'long': 2**40, 'big': 2**80, 'float': 1.5,
          'str': 'h\\u00e9llo \\u2713', 'bytes': b'\\x00\\x01\\xff', 'bytearray': bytearray(b'ab'),
          'list': [1, 'two', 3.0], 'tuple': (1, 'a'), 'dict': {'b': 1, 'a': [2]},
          'set': {1, 2, 3}, 'frozenset': frozenset({'x'}), 'ordered': collections.OrderedDict([('z', 1), ('a', 2)]),
          'decimal': decimal.Decimal('12.340'),
          'naive': datetime.datetime(2024, 3, 5, 10, 20, 30, 123456),
          'utc': datetime.datetime(2024, 3, 5, 10, 20, 30, 123456, tzinfo=pytz.utc),
          'offset': datetime.datetime(2024, 3, 5, 10, 20, 30, tzinfo=tz(td(hours=5, minutes=30))),
          'negative': datetime.datetime(2024, 3, 5, 10, 20, 30, tzinfo=tz(td(hours=-3))),
          'zoneinfo': datetime.datetime(2024, 7, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo('Europe/Paris')),
          'pytz': pytz.timezone('Europe/Paris').localize(datetime.datetime(2024, 1, 15, 9, 0)),
          'date': datetime.date(2024, 2, 29), 'time': datetime.time(23, 59, 59, 999999),
          'timedelta': td(days=-1, seconds=5, microseconds=7),
          'nested': {'items': [{'id': 1, 'tags': ('a', 'b')}], 'when': datetime.date(2000, 1, 1)},
      }
      """;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.now());
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache(
                "default",
                c ->
                    c.backend("django.core.cache.backends.filebased.FileBasedCache")
                        .location(dir.toString())
                        .keyPrefix("site")
                        .version(2)
                        .option("serializer", "pickle"))
            .build();
    cache = caches.getDefault();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private String django(String script) {
    return python.run(DJANGO + script, dir.toString());
  }

  @Test
  void javaReadsWhatDjangoWrote() {
    django("for k, v in values.items(): cache.set(k, v)\n");

    assertThat((Object) cache.get("none", "missing")).isNull();
    assertThat((Object) cache.get("true")).isEqualTo(true);
    assertThat((Object) cache.get("int")).isEqualTo(42);
    assertThat((Object) cache.get("long")).isEqualTo(1L << 40);
    assertThat((Object) cache.get("big")).isEqualTo(BigInteger.TWO.pow(80));
    assertThat((Object) cache.get("float")).isEqualTo(1.5);
    assertThat((Object) cache.get("str")).isEqualTo("héllo ✓");
    assertThat((byte[]) cache.get("bytes")).containsExactly(0, 1, 0xff);
    assertThat((byte[]) cache.get("bytearray")).containsExactly('a', 'b');
    assertThat((Object) cache.get("list")).isEqualTo(List.of(1, "two", 3.0));
    assertThat((Object[]) cache.get("tuple")).containsExactly(1, "a");
    Map<String, Object> dict = cache.get("dict");
    assertThat(new ArrayList<>(dict.keySet())).containsExactly("b", "a");
    assertThat(dict).containsEntry("b", 1).containsEntry("a", List.of(2));
    assertThat((Object) cache.get("set")).isEqualTo(Set.of(1, 2, 3));
    assertThat((Object) cache.get("frozenset")).isEqualTo(Set.of("x"));
    Map<String, Object> ordered = cache.get("ordered");
    assertThat(new ArrayList<>(ordered.keySet())).containsExactly("z", "a");
    assertThat((Object) cache.get("decimal")).isEqualTo(new BigDecimal("12.340"));
    assertThat((Object) cache.get("naive"))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000));
    assertThat((Object) cache.get("utc"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.UTC));
    assertThat((Object) cache.get("offset"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat((Object) cache.get("negative"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHours(-3)));
    assertThat((Object) cache.get("zoneinfo"))
        .isEqualTo(OffsetDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
    assertThat((Object) cache.get("pytz"))
        .isEqualTo(OffsetDateTime.of(2024, 1, 15, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
    assertThat((Object) cache.get("date")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat((Object) cache.get("time")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    assertThat((Object) cache.get("timedelta"))
        .isEqualTo(Duration.ofDays(-1).plusSeconds(5).plusNanos(7_000));
    Map<String, Object> nested = cache.get("nested");
    assertThat(nested.get("when")).isEqualTo(LocalDate.of(2000, 1, 1));
  }

  @Test
  void djangoReadsWhatJavaWrote() {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("b", 1);
    dict.put("a", List.of(2));
    Map<String, Object> javaValues = new LinkedHashMap<>();
    javaValues.put("none", null);
    javaValues.put("true", true);
    javaValues.put("int", 42);
    javaValues.put("long", 1L << 40);
    javaValues.put("big", BigInteger.TWO.pow(80));
    javaValues.put("float", 1.5);
    javaValues.put("str", "héllo ✓");
    javaValues.put("bytes", new byte[] {0, 1, (byte) 0xff});
    javaValues.put("list", List.of(1, "two", 3.0));
    javaValues.put("tuple", new Object[] {1, "a"});
    javaValues.put("dict", dict);
    javaValues.put("set", Set.of(1, 2, 3));
    javaValues.put("decimal", new BigDecimal("12.340"));
    javaValues.put("naive", LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000));
    javaValues.put("utc", OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.UTC));
    javaValues.put(
        "offset", OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    javaValues.put("negative", OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHours(-3)));
    javaValues.put("date", LocalDate.of(2024, 2, 29));
    javaValues.put("time", LocalTime.of(23, 59, 59, 999_999_000));
    javaValues.put("timedelta", Duration.ofDays(-1).plusSeconds(5).plusNanos(7_000));
    javaValues.put(
        "nested",
        Map.of("items", List.of(Map.of("id", 1, "tags", new Object[] {"a", "b"})), "when", LocalDate.of(2000, 1, 1)));
    javaValues.forEach(cache::set);

    String report =
        django(
            """
            for k in %s:
                got, want = cache.get(k, '<missing>'), values[k]
                same = type(got) is type(want) and got == want
                if isinstance(want, datetime.datetime):
                    same = same and got.utcoffset() == want.utcoffset()
                print(k, 'ok' if same else 'MISMATCH %%r != %%r' %% (got, want))
            """
                .formatted(pythonList(javaValues.keySet())));

    assertThat(report.lines()).hasSize(javaValues.size()).allMatch(line -> line.endsWith(" ok"), report);
  }

  @Test
  void theyShareExpiryIncrAndDeletion() {
    django(
        "cache.set('counter', 10)\n"
            + "cache.set('short', 'x', 60)\n"
            + "cache.set('forever', 'y', None)\n");
    assertThat(cache.incr("counter", 5)).isEqualTo(15);
    assertThat(cache.delete("forever")).isTrue();
    cache.set("from_java", "z", Timeout.seconds(600));

    String report =
        django(
            "print(cache.get('counter'), cache.get('forever', 'gone'), cache.get('from_java'))\n");
    assertThat(report.strip()).isEqualTo("15 gone z");

    clock.advance(Duration.ofSeconds(120));
    assertThat((Object) cache.get("short", "expired")).isEqualTo("expired");
  }

  private static String pythonList(Iterable<String> keys) {
    StringBuilder list = new StringBuilder("[");
    keys.forEach(k -> list.append('\'').append(k).append("', "));
    return list.append(']').toString();
  }
}
