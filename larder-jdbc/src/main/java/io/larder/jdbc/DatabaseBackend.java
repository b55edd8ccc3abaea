package io.larder.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.PasswordRedaction;
import io.larder.spi.SettingValues;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.Option;
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
 *
 * @since 0.1
 */
public final class DatabaseBackend implements CacheBackend {
  private static final int MAX_TABLE_NAME = 128;
  private static final int DEFAULT_COUNT_EVERY = 1000;

  static final Option<String> URL =
      Option.string(
          "url", null, "a JDBC URL: jdbc:postgresql://…, jdbc:mariadb://…, jdbc:sqlite:…, jdbc:h2:…");
  static final Option<String> USER = Option.string("user", null, "the database login");
  static final Option<String> PASSWORD =
      Option.string("password", null, "the database password (or put it in the URL)");
  static final Option<Object> DATASOURCE =
      Option.object(
          "datasource",
          "a javax.sql.DataSource object (Spring's, an app server's) instead of url; only through"
              + " the builder");
  static final Option<Integer> POOL_SIZE =
      Option.integer("pool_size", 10, 1, 1000, "the most connections the cache's pool opens");
  static final Option<Timeout> CONNECT_TIMEOUT =
      Option.seconds(
          "connect_timeout",
          Timeout.seconds(5),
          "seconds an operation waits for a connection before it fails (or, failing open, misses)");
  static final Option<Timeout> SOCKET_TIMEOUT =
      Option.seconds(
          "socket_timeout",
          Timeout.seconds(5),
          "seconds a statement waits for PostgreSQL's or MariaDB's answer before it fails (or,"
              + " failing open, misses): a hung server costs one such wait per call");
  static final Option<Boolean> USE_TZ =
      Option.flag(
          "use_tz", true, "false for a Django project with USE_TZ = False: local wall-clock expiry");
  static final Option<String> TIME_ZONE =
      Option.of(
          "time_zone",
          "the JVM's zone",
          "with use_tz: false only: the zone of that wall clock, Django's TIME_ZONE",
          settings -> DatabaseBackend.TIME_ZONE.read(settings, null, SettingValues::text));
  static final Option<Integer> CULL_COUNT_EVERY =
      Option.integer(
          "cull_count_every",
          DEFAULT_COUNT_EVERY,
          1,
          Integer.MAX_VALUE,
          "writes between two counts of the table's rows for culling; 1 counts on every write");

  /** Options of the pool Larder makes from a URL, meaningless beside a given DataSource. */
  private static final List<Option<?>> POOL_OPTIONS =
      List.of(URL, USER, PASSWORD, POOL_SIZE, CONNECT_TIMEOUT, SOCKET_TIMEOUT);

  @Override
  public String name() {
    return "db";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django.core.cache.backends.db.DatabaseCache", "database");
  }

  @Override
  public List<Option<?>> options() {
    return List.of(
        URL,
        USER,
        PASSWORD,
        DATASOURCE,
        POOL_SIZE,
        CONNECT_TIMEOUT,
        SOCKET_TIMEOUT,
        USE_TZ,
        TIME_ZONE,
        CULL_COUNT_EVERY);
  }

  @Override
  public CacheStore create(StoreContext context) {
    CacheSettings settings = context.settings();
    String table = settings.location();
    if (table == null || table.isBlank() || table.length() > MAX_TABLE_NAME) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(), "location", table, "the name of the cache table, 1 to 128 characters");
    }
    Object given = DATASOURCE.from(settings);
    if (given != null) {
      if (!(given instanceof DataSource dataSource)) {
        throw DATASOURCE.invalid(
            settings,
            PasswordRedaction.apply(given.toString()) + " (a " + given.getClass().getName() + ")",
            "a javax.sql.DataSource object, given through Caches.builder(); or options.url");
      }
      for (Option<?> poolOption : POOL_OPTIONS) {
        Object value = settings.options().get(poolOption.name());
        if (value != null) {
          throw poolOption.invalid(
              settings,
              poolOption == PASSWORD ? "***" : value,
              "no "
                  + poolOption.name()
                  + " when options.datasource is given: the DataSource has its own");
        }
      }
      return new DatabaseStore(context, dataSource, null, wallClock(settings), culling(settings));
    }
    HikariConfig config = poolConfig(settings);
    ZoneId wallClock = wallClock(settings);
    CullSchedule culling = culling(settings);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException noDriver) {
      // HikariCP's own message repeats the URL, password included.
      throw URL.invalid(
          settings,
          PasswordRedaction.apply(config.getJdbcUrl()),
          "a JDBC URL that a driver on the class path accepts (PostgreSQL, MariaDB/MySQL, SQLite"
              + " or H2: add the driver's jar)");
    }
    try {
      return new DatabaseStore(context, pool, pool, wallClock, culling);
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
    boolean useTz = USE_TZ.from(settings);
    String zone = TIME_ZONE.from(settings);
    if (zone == null) {
      return useTz ? ZoneOffset.UTC : ZoneId.systemDefault();
    }
    if (useTz) {
      throw TIME_ZONE.invalid(
          settings, zone, "no time_zone with use_tz: true, where expiry times are UTC");
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw TIME_ZONE.invalid(settings, zone, "a time zone name such as America/Chicago or UTC");
    }
  }

  private static CullSchedule culling(CacheSettings settings) {
    return new CullSchedule(
        settings.maxEntries(),
        CULL_COUNT_EVERY.from(settings));
  }


  private static HikariConfig poolConfig(CacheSettings settings) {
    String url = URL.from(settings);
    if (url == null || !url.startsWith("jdbc:")) {
      throw URL.invalid(
          settings,
          url == null ? null : PasswordRedaction.apply(url),
          "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/app, or a javax.sql.DataSource"
              + " as options.datasource");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("larder-" + settings.alias());
    config.setJdbcUrl(url);
    config.setUsername(USER.from(settings));
    config.setPassword(PASSWORD.from(settings));
    config.setMaximumPoolSize(POOL_SIZE.from(settings));
    long connectMillis = Math.max(250, CONNECT_TIMEOUT.from(settings).toMillis());
    config.setConnectionTimeout(connectMillis);
    // Without a socket timeout a statement sent to a hung server (stopped, or cut off without a
    // reset) waits for as long as it hangs; and HikariCP's check of an idle connection is bounded
    // apart, so a call costs at most one of those waits before the statement's own.
    long socketMillis = Math.max(250, SOCKET_TIMEOUT.from(settings).toMillis());
    config.setValidationTimeout(Math.min(connectMillis, socketMillis));
    if (url.startsWith("jdbc:postgresql:")) {
      config.addDataSourceProperty("socketTimeout", String.valueOf((socketMillis + 999) / 1000));
      config.addDataSourceProperty("connectTimeout", String.valueOf((connectMillis + 999) / 1000));
    } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      config.addDataSourceProperty("socketTimeout", String.valueOf(socketMillis));
      config.addDataSourceProperty("connectTimeout", String.valueOf(connectMillis));
    }
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
