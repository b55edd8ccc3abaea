package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheContractTest;
import io.larder.CacheException;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.Timeout;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on one database; subclasses say which. The table is created on first use. */
abstract class DatabaseStoreContractTest extends CacheContractTest {
  static final String TABLE = "larder cache table";

  /** The JDBC URL of the database under test. */
  protected abstract String url();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("db").location(TABLE).option("url", url()).option("pool_size", 4);
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }

  @Test
  void concurrentIncrementsOfOneKeyAreAllCounted() throws Exception {
    cache.set("counter", 0);
    List<Object> results =
        runConcurrently(
            8,
            () -> {
              for (int i = 0; i < 1_000; i++) {
                cache.incr("counter");
              }
              return null;
            });
    assertThat(results).hasSize(8);
    assertThat((Object) cache.get("counter")).isEqualTo(8_000);
  }

  @Test
  void concurrentAddsOfOneKeyHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "contended-" + round;
      List<Object> added = runConcurrently(8, () -> cache.add(key, Thread.currentThread().getName()));
      assertThat(added).filteredOn(Boolean.TRUE::equals).hasSize(1);
    }
  }

  private void execute(String sql, String... parameters) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }

  private String quoted(String identifier) {
    return url().startsWith("jdbc:mariadb:") ? "`" + identifier + "`" : '"' + identifier + '"';
  }

  @Test
  void aCorruptRowIsAMissAndIsDeleted() throws SQLException {
    cache.set("k", "value");
    execute(
        "UPDATE " + quoted(TABLE) + " SET " + quoted("value") + " = 'not base64 !!' WHERE "
            + quoted("cache_key") + " = ?",
        cache.makeKey("k"));
    assertThat((Object) cache.get("k", "missing")).isEqualTo("missing");
    assertThat(cache.add("k", "fresh")).isTrue();
    assertThat((Object) cache.get("k")).isEqualTo("fresh");
  }

  private void plant(String key, byte[] value) throws SQLException {
    cache.set(key, "placeholder");
    execute(
        "UPDATE " + quoted(TABLE) + " SET " + quoted("value") + " = ? WHERE "
            + quoted("cache_key") + " = ?",
        java.util.Base64.getEncoder().encodeToString(value),
        cache.makeKey(key));
  }

  @Test
  void aCorruptRowIsCountedAsACorruptRead() throws SQLException {
    plant("k", new byte[] {1, 2, 3});
    assertThat((Object) cache.get("k", "missing")).isEqualTo("missing");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 60,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aRowOfNestedSetsSharingTheirMembersIsAMissNotAHang() throws SQLException {
    plant("dos", io.larder.HostilePayloads.serialDos(100));
    assertThat((Object) cache.get("dos", "missing")).isEqualTo("missing");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
  }

  @Test
  void aRowDeclaringAHugeArrayIsAMissNotAnOutOfMemoryError() throws SQLException {
    plant("array", io.larder.HostilePayloads.hugeArrayLength());
    assertThat((Object) cache.get("array", "missing")).isEqualTo("missing");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
  }

  @Test
  void aRowOverMaxValueSizeIsAMissWithoutBeingDecoded() throws SQLException {
    try (io.larder.Caches small =
        io.larder.Caches.builder()
            .environment(java.util.Map.of())
            .cache(
                "default",
                // As this database's caches are configured (a local-time subclass adds use_tz).
                c -> {
                  configure(c);
                  c.option("max_value_size", 100);
                })
            .build()) {
      io.larder.Cache limited = small.getDefault();
      plant("big", new byte[1000]);
      assertThat((Object) limited.get("big", "missing")).isEqualTo("missing");
      assertThat(limited.stats().corruptReads()).isEqualTo(1);
    }
  }

  @Test
  void aMissingTableIsAnErrorThatSaysToCreateIt() throws SQLException {
    execute("DROP TABLE " + quoted(TABLE));
    assertThatThrownBy(() -> cache.get("k"))
        .isInstanceOf(CacheException.class)
        .isNotInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(TABLE)
        .hasMessageContaining("createcachetable");
    assertThat(CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream())))
        .containsExactly(TABLE);
    cache.set("k", "back");
    assertThat((Object) cache.get("k")).isEqualTo("back");
  }

  // ------------------------------------------------------------ culling

  /** Caches on the contract's table with extra settings; the caller closes them. */
  private Caches open(InstantSource clock, Consumer<CacheDefinition> settings) {
    return Caches.builder()
        .environment(Map.of())
        .clock(clock)
        .cache("default", c -> settings.accept(configureAndReturn(c)))
        .build();
  }

  private CacheDefinition configureAndReturn(CacheDefinition c) {
    configure(c);
    return c;
  }

  private long rows() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + quoted(TABLE));
        ResultSet result = count.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static long present(Cache cache, String prefix, int count) {
    return IntStream.range(0, count).filter(i -> cache.hasKey(prefix + i)).count();
  }

  /** Django's test_cull: 49 keys into a table of at most 30 leave 29. */
  @Test
  void culledWhenOverMaxEntriesAsDjangoCulls() {
    try (Caches culling = open(clock, c -> c.option("max_entries", 30))) {
      Cache small = culling.getDefault();
      for (int i = 1; i < 50; i++) {
        small.set("cull" + i, "value", Timeout.seconds(1000));
      }
      assertThat(present(small, "cull", 50)).isEqualTo(29);
    }
  }

  /** Django's DatabaseCache test_zero_cull: cull_frequency 0 empties the table, leaving 18. */
  @Test
  void aZeroCullFrequencyEmptiesTheTableWhenOverMaxEntries() {
    try (Caches culling =
        open(clock, c -> c.option("max_entries", 30).option("cull_frequency", 0))) {
      Cache small = culling.getDefault();
      for (int i = 1; i < 50; i++) {
        small.set("cull" + i, "value", Timeout.seconds(1000));
      }
      assertThat(present(small, "cull", 50)).isEqualTo(18);
    }
  }

  @Test
  void cullingDeletesExpiredRowsBeforeLiveOnes() {
    try (Caches culling = open(clock, c -> c.option("max_entries", 30))) {
      Cache small = culling.getDefault();
      for (int i = 0; i < 20; i++) {
        small.set("old" + i, "value", Timeout.seconds(10));
      }
      for (int i = 0; i < 10; i++) {
        small.set("live" + i, "value", Timeout.seconds(1000));
      }
      clock.advance(Duration.ofSeconds(20));
      small.set("new0", "value");
      small.set("new1", "value");
      assertThat(present(small, "live", 10)).isEqualTo(10);
      assertThat(present(small, "new", 2)).isEqualTo(2);
    }
  }

  @Test
  void aTableOthersFilledIsCulledWithinCullCountEveryWrites() throws SQLException {
    try (Caches culling =
            open(clock, c -> c.option("max_entries", 30).option("cull_count_every", 5));
        Caches otherProcess = open(clock, c -> c.option("max_entries", 1000))) {
      Cache small = culling.getDefault();
      small.set("mine0", "value");
      for (int i = 0; i < 60; i++) {
        otherProcess.getDefault().set("theirs" + i, "value");
      }
      for (int i = 1; i < 5; i++) {
        small.set("mine" + i, "value");
      }
      assertThat(rows()).isEqualTo(65);
      small.set("mine5", "value");
      assertThat(rows()).isLessThan(65);
    }
  }

  /** How many row counts 100 sets of new keys run, on a pool whose statements are recorded. */
  private long countsIn100Sets(Map<String, Object> options) {
    List<String> statements = new CopyOnWriteArrayList<>();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config);
        Caches recorded =
            Caches.builder()
                .environment(Map.of())
                .cache(
                    "default",
                    c -> {
                      c.backend("db")
                          .location(TABLE)
                          .option("datasource", StatementLog.recording(pool, statements));
                      options.forEach(c::option);
                    })
                .build()) {
      for (int i = 0; i < 100; i++) {
        recorded.getDefault().set("k" + i, i);
      }
    }
    return statements.stream().filter(sql -> sql.contains("COUNT(*)")).count();
  }

  @Test
  void writesFarBelowMaxEntriesDoNotCountTheRows() {
    assertThat(countsIn100Sets(Map.of())).isEqualTo(1);
  }

  @Test
  void cullCountEveryOneCountsOnEveryWriteAsDjangoDoes() {
    assertThat(countsIn100Sets(Map.of("cull_count_every", 1))).isEqualTo(100);
  }

  // ------------------------------------------------------------ expiry times

  /** A whole second, in summer: America/Chicago is UTC-5 then. */
  private static final Instant NOON_UTC = Instant.parse("2026-07-01T12:00:00Z");

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  /** The {@code expires} column of a row as stored: wall-clock time, or an instant as UTC. */
  protected LocalDateTime storedExpiry(String madeKey) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + quoted("expires") + " FROM " + quoted(TABLE) + " WHERE "
                    + quoted("cache_key") + " = ?")) {
      select.setString(1, madeKey);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("a row for %s", madeKey).isTrue();
        return readExpiry(row);
      }
    }
  }

  /** How this database's driver gives the column back; PostgreSQL's holds an instant. */
  protected LocalDateTime readExpiry(ResultSet row) throws SQLException {
    return LocalDateTime.parse(row.getString(1).substring(0, 19).replace(' ', 'T'));
  }

  /** True where {@code expires} holds instants, so the time zone mode cannot change the row. */
  protected boolean storesInstants() {
    return false;
  }

  /** use_tz as by default, whatever the subclass configures. */
  private static void utc(CacheDefinition c) {
    c.option("use_tz", true).option("time_zone", null);
  }

  @Test
  void expiryIsStoredInUtcByDefault() throws SQLException {
    try (Caches utc = open(new MutableClock(NOON_UTC), DatabaseStoreContractTest::utc)) {
      utc.getDefault().set("k", "v", Timeout.seconds(60));
      assertThat(storedExpiry(utc.getDefault().makeKey("k")))
          .isEqualTo(LocalDateTime.parse("2026-07-01T12:01:00"));
    }
  }

  @Test
  void aNeverExpiringRowHoldsDjangosLastSecond() throws SQLException {
    try (Caches utc = open(new MutableClock(NOON_UTC), DatabaseStoreContractTest::utc);
        Caches local =
            open(
                new MutableClock(NOON_UTC),
                c -> c.option("use_tz", false).option("time_zone", "America/Chicago"))) {
      utc.getDefault().set("utc", "v", Timeout.NEVER);
      local.getDefault().set("local", "v", Timeout.NEVER);
      assertThat(storedExpiry(utc.getDefault().makeKey("utc")))
          .isEqualTo(LocalDateTime.parse("9999-12-31T23:59:59"));
      LocalDateTime lastSecond = LocalDateTime.parse("9999-12-31T23:59:59");
      assertThat(storedExpiry(local.getDefault().makeKey("local")))
          .isEqualTo(
              storesInstants()
                  ? LocalDateTime.ofInstant(lastSecond.atZone(CHICAGO).toInstant(), ZoneOffset.UTC)
                  : lastSecond);
    }
  }

  @Test
  void withUseTzFalseExpiryIsStoredInTheTimeZonesWallClock() throws SQLException {
    try (Caches local =
        open(
            new MutableClock(NOON_UTC),
            c -> c.option("use_tz", false).option("time_zone", "America/Chicago"))) {
      local.getDefault().set("k", "v", Timeout.seconds(60));
      LocalDateTime expected =
          storesInstants()
              ? LocalDateTime.parse("2026-07-01T12:01:00")
              : LocalDateTime.ofInstant(NOON_UTC.plusSeconds(60), CHICAGO);
      assertThat(storedExpiry(local.getDefault().makeKey("k"))).isEqualTo(expected);
    }
  }

  @Test
  void withUseTzFalseEntriesExpireOnTime() {
    MutableClock localClock = new MutableClock(NOON_UTC);
    try (Caches local =
        open(localClock, c -> c.option("use_tz", false).option("time_zone", "America/Chicago"))) {
      Cache cache = local.getDefault();
      cache.set("short", "v", Timeout.seconds(60));
      cache.set("forever", "v", Timeout.NEVER);
      localClock.advance(Duration.ofSeconds(59));
      assertThat(cache.hasKey("short")).isTrue();
      assertThat((Object) cache.get("short")).isEqualTo("v");
      localClock.advance(Duration.ofSeconds(2));
      assertThat(cache.hasKey("short")).isFalse();
      assertThat((Object) cache.get("short")).isNull();
      assertThat((Object) cache.get("forever")).isEqualTo("v");
      assertThat(cache.touch("forever", Timeout.seconds(30))).isTrue();
      localClock.advance(Duration.ofSeconds(31));
      assertThat(cache.hasKey("forever")).isFalse();
    }
  }

  /** Runs before the contract's own set-up, which clears the table. */
  @BeforeEach
  @Override
  protected void createCaches() {
    try (Caches setup =
        Caches.builder().environment(Map.of()).cache("default", this::configure).build()) {
      CacheTables.create(setup, false, new PrintStream(OutputStream.nullOutputStream()));
    }
    super.createCaches();
  }
}
