package io.larder.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code backend: db}, also Django's {@code django.core.cache.backends.db.DatabaseCache}: {@code
 * location} is the table; the connection is {@code options.url} (+ {@code user}, {@code password},
 * {@code pool_size}, {@code connect_timeout}), pooled by HikariCP, or a {@link DataSource} given as
 * {@code options.datasource} through the builder.
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .cache("default", c -> c.backend("db").location("django_cache_table")
 *         .option("datasource", springDataSource))
 *     .build();
 * }</pre>
 */
public final class DatabaseBackend implements CacheBackend {
  private static final int MAX_TABLE_NAME = 128;
  private static final int DEFAULT_COUNT_EVERY = 1000;

  /** Options of the pool Larder makes from a URL, meaningless beside a given DataSource. */
  private static final List<String> POOL_OPTIONS =
      List.of("url", "user", "password", "pool_size", "connect_timeout");

  @Override
  public String name() {
    return "db";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django.core.cache.backends.db.DatabaseCache", "database");
  }

  @Override
  public Set<String> options() {
    return Set.of(
        "url",
        "user",
        "password",
        "pool_size",
        "connect_timeout",
        "datasource",
        "use_tz",
        "time_zone",
        "cull_count_every");
  }

  @Override
  public CacheStore create(StoreContext context) {
    CacheSettings settings = context.settings();
    String table = settings.location();
    if (table == null || table.isBlank() || table.length() > MAX_TABLE_NAME) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(), "location", table, "the name of the cache table, 1 to 128 characters");
    }
    Object given = settings.options().get("datasource");
    if (given != null) {
      if (!(given instanceof DataSource dataSource)) {
        throw settings.bad(
            "datasource",
            redacted(given.toString()) + " (a " + given.getClass().getName() + ")",
            "a javax.sql.DataSource object, given through Caches.builder(); or options.url");
      }
      for (String poolOption : POOL_OPTIONS) {
        Object value = settings.options().get(poolOption);
        if (value != null) {
          throw settings.bad(
              poolOption,
              poolOption.equals("password") ? "***" : value,
              "no " + poolOption + " when options.datasource is given: the DataSource has its own");
        }
      }
      return new DatabaseCache(context, dataSource, null, wallClock(settings), culling(settings));
    }
    HikariConfig config = poolConfig(settings);
    ZoneId wallClock = wallClock(settings);
    CullSchedule culling = culling(settings);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException noDriver) {
      // HikariCP's own message repeats the URL, password included.
      throw settings.bad(
          "url",
          redacted(config.getJdbcUrl()),
          "a JDBC URL that a driver on the class path accepts (PostgreSQL, MariaDB/MySQL, SQLite"
              + " or H2: add the driver's jar)");
    }
    try {
      return new DatabaseCache(context, pool, pool, wallClock, culling);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The clock {@code expires} is written in: UTC, or with {@code use_tz: false} (Django's {@code
   * USE_TZ = False}) the wall clock of {@code time_zone} (Django's {@code TIME_ZONE}), by default
   * this JVM's.
   */
  private static ZoneId wallClock(CacheSettings settings) {
    boolean useTz = settings.booleanOption("use_tz", true);
    String zone = settings.stringOption("time_zone", null);
    if (zone == null) {
      return useTz ? ZoneOffset.UTC : ZoneId.systemDefault();
    }
    if (useTz) {
      throw settings.bad(
          "time_zone", zone, "no time_zone with use_tz: true, where expiry times are UTC");
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw settings.bad("time_zone", zone, "a time zone name such as America/Chicago or UTC");
    }
  }

  private static CullSchedule culling(CacheSettings settings) {
    return new CullSchedule(
        settings.maxEntries(),
        settings.intOption("cull_count_every", DEFAULT_COUNT_EVERY, 1, Integer.MAX_VALUE));
  }

  /** A JDBC URL with any password in it replaced, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static HikariConfig poolConfig(CacheSettings settings) {
    String url = settings.stringOption("url", null);
    if (url == null || !url.startsWith("jdbc:")) {
      throw settings.bad(
          "url",
          url == null ? null : redacted(url),
          "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/app, or a javax.sql.DataSource"
              + " as options.datasource");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("larder-" + settings.alias());
    config.setJdbcUrl(url);
    config.setUsername(settings.stringOption("user", null));
    config.setPassword(settings.stringOption("password", null));
    config.setMaximumPoolSize(settings.intOption("pool_size", 10, 1, 1000));
    config.setConnectionTimeout(
        Math.max(250, settings.secondsOption("connect_timeout", Timeout.seconds(5)).toMillis()));
    // Connect lazily: the cache is built even when the database is down, and recovers by itself.
    config.setInitializationFailTimeout(-1);
    if (url.startsWith("jdbc:sqlite:")) {
      // Concurrent writers: WAL, wait for the lock instead of failing, and take the write lock
      // when a transaction begins so that incr's read-modify-write cannot interleave.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty(
          "busy_timeout", String.valueOf(Duration.ofSeconds(10).toMillis()));
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }
    return config;
  }
}
