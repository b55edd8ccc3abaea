package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.Timeout;
import io.larder.testsupport.DjangoPython;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app (Debian's Django 3.2 and 4.2) and Larder sharing one database cache table, with the
 * pickle serializer, the same key prefix and version: each reads what the other wrote, in both of
 * Django's time zone modes. Subclasses say which database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
abstract class DjangoDatabaseInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  static final String TABLE = "django cache table";

  /** Django's time zone modes and the Larder options that match them. */
  enum Mode {
    /** {@code USE_TZ = True}: expiry times in UTC; Larder's default. */
    USE_TZ(true, "UTC"),
    /** {@code USE_TZ = False, TIME_ZONE = "America/Chicago"}: Chicago wall-clock time. */
    LOCAL_TIME(false, "America/Chicago");

    final boolean useTz;
    final ZoneId zone;

    Mode(boolean useTz, String zone) {
      this.useTz = useTz;
      this.zone = ZoneId.of(zone);
    }
  }

  /**
   * Django configured from argv[1]; {@code now} (epoch seconds), when given, is what time.time()
   * returns, so that Django computes the same expiry times as Larder's clock.
   */
  private static final String DJANGO =
      """
      import sys, json, os, time, datetime
      cfg = json.loads(sys.argv[1])
      os.environ['TZ'] = cfg['time_zone']
      time.tzset()
      if cfg['now'] is not None:
          time.time = lambda: cfg['now']
      from django.conf import settings
      settings.configure(
          USE_TZ=cfg['use_tz'], TIME_ZONE=cfg['time_zone'], DATABASES={'default': cfg['database']},
          CACHES={'default': {
              'BACKEND': 'django.core.cache.backends.db.DatabaseCache', 'LOCATION': cfg['table'],
              'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      from django.core.management import call_command
      from django.db import connection
      def expires(key):
          with connection.cursor() as c:
              c.execute('SELECT expires FROM %s WHERE cache_key = %%s'
                        % connection.ops.quote_name(cfg['table']), [cache.make_key(key)])
              return str(c.fetchone()[0])
      values = {
          'str': 'h\\u00e9llo', 'int': 42, 'big': 2**70, 'none': None, 'list': [1, 'a'],
          'dict': {'b': 1, 'a': [2]}, 'bytes': b'\\x00\\xff',
          'when': datetime.datetime(2024, 3, 5, 10, 20, 30, tzinfo=datetime.timezone.utc),
      }
      """;

  private Caches caches;

  /** Django's {@code DATABASES['default']}, as a Python literal. */
  protected abstract String djangoDatabase();

  /** The JDBC URL of the same database. */
  protected abstract String url();

  @AfterEach
  void close() {
    if (caches != null) {
      caches.getDefault().clear();
      caches.close();
    }
  }

  /** Larder configured as the Django app, on a clock at {@code now}; creates the table. */
  private Cache larder(Mode mode, MutableClock clock) {
    if (caches != null) {
      caches.close();
    }
    caches =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .cache(
                "default",
                c -> {
                  c.backend("django.core.cache.backends.db.DatabaseCache")
                      .location(TABLE)
                      .keyPrefix("site")
                      .version(2)
                      .option("url", url())
                      .option("serializer", "pickle")
                      .option("use_tz", mode.useTz);
                  if (!mode.useTz) {
                    c.option("time_zone", mode.zone.getId());
                  }
                })
            .build();
    CacheTables.create(caches, false, new PrintWriter(new StringWriter()));
    return caches.getDefault();
  }

  private String django(Mode mode, Instant now, String script) {
    String config =
        "{\"use_tz\": %s, \"time_zone\": \"%s\", \"now\": %s, \"table\": \"%s\", \"database\": %s}"
            .formatted(
                mode.useTz,
                mode.zone.getId(),
                now == null ? "null" : Long.toString(now.getEpochSecond()),
                TABLE,
                djangoDatabase());
    return python.run(DJANGO + script, config).strip();
  }

  private static Instant wholeSecondNow() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void larderReadsWhatDjangoWrote(Mode mode) {
    Cache cache = larder(mode, new MutableClock(wholeSecondNow()));
    django(mode, null, "for k, v in values.items(): cache.set(k, v, 600)\n");

    assertThat((Object) cache.get("str")).isEqualTo("héllo");
    assertThat((Object) cache.get("int")).isEqualTo(42);
    assertThat((Object) cache.get("big")).isEqualTo(BigInteger.TWO.pow(70));
    assertThat(cache.get("none", "missing")).isNull();
    assertThat((Object) cache.get("list")).isEqualTo(List.of(1, "a"));
    assertThat((Object) cache.get("dict")).isEqualTo(Map.of("b", 1, "a", List.of(2)));
    assertThat((byte[]) cache.get("bytes")).containsExactly(0, 0xff);
    assertThat((Object) cache.get("when"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.UTC));
    assertThat(cache.getMany(List.of("int", "str", "absent"))).containsOnlyKeys("int", "str");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void djangoReadsWhatLarderWrote(Mode mode) {
    Cache cache = larder(mode, new MutableClock(wholeSecondNow()));
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("b", 1);
    dict.put("a", List.of(2));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("str", "héllo");
    values.put("int", 42);
    values.put("big", BigInteger.TWO.pow(70));
    values.put("none", null);
    values.put("list", List.of(1, "a"));
    values.put("dict", dict);
    values.put("bytes", new byte[] {0, (byte) 0xff});
    values.put("when", OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.UTC));
    values.forEach((k, v) -> cache.set(k, v, Timeout.seconds(600)));

    String report =
        django(
            mode,
            null,
            """
            for k, want in values.items():
                got = cache.get(k, '<missing>')
                print(k, 'ok' if type(got) is type(want) and got == want else 'MISMATCH %r' % (got,))
            """);
    assertThat(report.lines())
        .hasSize(values.size())
        .allMatch(line -> line.endsWith(" ok"), report);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bothWriteTheSameExpiryTimes(Mode mode) {
    Instant now = wholeSecondNow();
    Cache cache = larder(mode, new MutableClock(now));
    cache.set("larder600", "v", Timeout.seconds(600));
    cache.set("larderNever", "v", Timeout.NEVER);

    String[] rows =
        django(
                mode,
                now,
                """
                cache.set('django600', 'v', 600)
                cache.set('djangoNever', 'v', None)
                for k in ('django600', 'larder600', 'djangoNever', 'larderNever'):
                    print(expires(k))
                """)
            .split("\n");

    String wallClock =
        LocalDateTime.ofInstant(now.plusSeconds(600), mode.zone)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    assertThat(rows[1]).isEqualTo(rows[0]).startsWith(wallClock);
    assertThat(rows[3]).isEqualTo(rows[2]).startsWith("9999-12-31 23:59:59");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void expiredRowsAreMissesOnBothSides(Mode mode) {
    Instant now = wholeSecondNow();
    Instant hourAgo = now.minusSeconds(3600);
    Cache cache = larder(mode, new MutableClock(hourAgo));
    cache.set("fromLarder", "v", Timeout.seconds(60));
    django(mode, hourAgo, "cache.set('fromDjango', 'v', 60)\n");

    assertThat(django(mode, null, "print(cache.get('fromLarder', 'expired'))\n"))
        .isEqualTo("expired");
    Cache later = larder(mode, new MutableClock(now));
    assertThat((Object) later.get("fromDjango", "expired")).isEqualTo("expired");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void neverExpiringRowsLiveOnBothSides(Mode mode) {
    Instant now = wholeSecondNow();
    Cache cache = larder(mode, new MutableClock(now));
    cache.set("fromLarder", "kept", Timeout.NEVER);
    django(mode, null, "cache.set('fromDjango', 'kept', None)\n");

    assertThat(django(mode, null, "print(cache.get('fromLarder'), cache.has_key('fromLarder'))\n"))
        .isEqualTo("kept True");
    Cache muchLater = larder(mode, new MutableClock(now.plus(36_500, ChronoUnit.DAYS)));
    assertThat((Object) muchLater.get("fromDjango")).isEqualTo("kept");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void incrWorksAcross(Mode mode) {
    Cache cache = larder(mode, new MutableClock(wholeSecondNow()));
    django(mode, null, "cache.set('counter', 10, 600)\n");
    assertThat(cache.incr("counter", 5)).isEqualTo(15);
    assertThat(django(mode, null, "print(cache.incr('counter'))\n")).isEqualTo("16");
    assertThat(cache.decr("counter", 6)).isEqualTo(10);
    assertThat(django(mode, null, "print(cache.get('counter'))\n")).isEqualTo("10");
  }

  @Test
  void createcachetablePrintsTheSameSqlAsDjangos() {
    String dropped =
        django(
            Mode.USE_TZ,
            null,
            """
            with connection.cursor() as c:
                c.execute('DROP TABLE IF EXISTS %s' % connection.ops.quote_name(cfg['table']))
            call_command('createcachetable', dry_run=True)
            """);
    StringWriter larderSql = new StringWriter();
    try (Caches dryRun =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location(TABLE).option("url", url()))
            .build()) {
      CacheTables.create(dryRun, true, new PrintWriter(larderSql, true));
    }
    assertThat(larderSql.toString().strip()).isEqualTo(dropped);
  }

  @Test
  void djangoTakesLardersTableAsItsOwn() {
    larder(Mode.USE_TZ, new MutableClock(wholeSecondNow())).set("k", "v");
    assertThat(
            django(
                Mode.USE_TZ,
                null,
                "call_command('createcachetable', verbosity=1)\nprint(cache.get('k'))\n"))
        .isEqualTo("Cache table '" + TABLE + "' already exists.\nv");
  }
}
