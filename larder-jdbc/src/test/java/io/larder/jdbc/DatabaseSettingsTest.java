package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** A wrong db setting fails when the caches are built, naming alias, setting, value, accepted. */
class DatabaseSettingsTest {
  private static final String URL = "jdbc:h2:mem:settings";

  private static AbstractThrowableAssert<?, ? extends Throwable> building(
      Consumer<CacheDefinition> configure) {
    return assertThatThrownBy(
            () ->
                Caches.builder()
                    .environment(Map.of())
                    .cache("default", c -> configure.accept(c.backend("db")))
                    .build()
                    .close())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Cache 'default': setting '");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> withOptions(
      Map<String, Object> options) {
    return building(
        c -> {
          c.location("cache_table");
          options.forEach(c::option);
        });
  }

  @Test
  void neitherAUrlNorADataSourceIsAnError() {
    withOptions(Map.of())
        .hasMessageContaining("'options.url' has the value null")
        .hasMessageContaining("a JDBC URL such as jdbc:postgresql://")
        .hasMessageContaining("options.datasource");
  }

  @Test
  void aUrlThatIsNotJdbcIsAnError() {
    withOptions(Map.of("url", "postgres://127.0.0.1/app"))
        .hasMessageContaining("'options.url' has the value 'postgres://127.0.0.1/app'")
        .hasMessageContaining("a JDBC URL");
  }

  @Test
  void aUrlThatNoDriverAcceptsIsAnError() {
    withOptions(Map.of("url", "jdbc:oracle:thin:@127.0.0.1:1521/app"))
        .hasMessageContaining("'options.url' has the value 'jdbc:oracle:thin:@127.0.0.1:1521/app'")
        .hasMessageContaining("a driver on the class path accepts")
        .hasMessageContaining("PostgreSQL, MariaDB/MySQL, SQLite or H2");
  }

  @Test
  void aPasswordInABadUrlIsNotShown() {
    withOptions(Map.of("url", "jdbc:nosuch://app:hunter2@127.0.0.1/app?password=hunter3"))
        .hasMessageContaining("app:***@")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("hunter");
  }

  @Test
  void aDataSourceOptionThatIsNotADataSourceIsAnError() {
    withOptions(Map.of("datasource", URL))
        .hasMessageContaining("'options.datasource' has the value")
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("accepted: a javax.sql.DataSource object");
  }

  @Test
  void aUrlBesideADataSourceIsAnError() {
    withOptions(Map.of("datasource", new org.h2.jdbcx.JdbcDataSource(), "url", URL))
        .hasMessageContaining("'options.url' has the value '" + URL + "'")
        .hasMessageContaining("no url when options.datasource is given");
  }

  @Test
  void aPoolSizeBesideADataSourceIsAnError() {
    withOptions(Map.of("datasource", new org.h2.jdbcx.JdbcDataSource(), "pool_size", 4))
        .hasMessageContaining("'options.pool_size' has the value 4")
        .hasMessageContaining("the DataSource has its own");
  }

  @Test
  void aPoolSizeThatIsNotAPositiveIntegerIsAnError() {
    withOptions(Map.of("url", URL, "pool_size", 0))
        .hasMessageContaining("'options.pool_size' has the value 0")
        .hasMessageContaining("an integer from 1 to 1000");
    withOptions(Map.of("url", URL, "pool_size", "ten"))
        .hasMessageContaining("'options.pool_size' has the value 'ten'");
  }

  @Test
  void aBadConnectTimeoutIsAnError() {
    withOptions(Map.of("url", URL, "connect_timeout", "soon"))
        .hasMessageContaining("'options.connect_timeout' has the value 'soon'")
        .hasMessageContaining("a number of seconds");
  }

  @Test
  void aUseTzThatIsNotABooleanIsAnError() {
    withOptions(Map.of("url", URL, "use_tz", "maybe"))
        .hasMessageContaining("'options.use_tz' has the value 'maybe'")
        .hasMessageContaining("accepted: true or false");
  }

  @Test
  void anUnknownTimeZoneIsAnError() {
    withOptions(Map.of("url", URL, "use_tz", false, "time_zone", "Mars/Olympus_Mons"))
        .hasMessageContaining("'options.time_zone' has the value 'Mars/Olympus_Mons'")
        .hasMessageContaining("a time zone name such as America/Chicago");
  }

  @Test
  void aTimeZoneWithUseTzIsAnError() {
    withOptions(Map.of("url", URL, "time_zone", "Europe/Paris"))
        .hasMessageContaining("'options.time_zone' has the value 'Europe/Paris'")
        .hasMessageContaining("no time_zone with use_tz: true");
  }

  @Test
  void aUserThatIsNotAStringIsAnError() {
    withOptions(Map.of("url", URL, "user", List.of("app", "admin")))
        .hasMessageContaining("'options.user' has the value [app, admin]")
        .hasMessageContaining("a string");
  }

  @Test
  void aCullCountIntervalBelowOneIsAnError() {
    withOptions(Map.of("url", URL, "cull_count_every", 0))
        .hasMessageContaining("'options.cull_count_every' has the value 0")
        .hasMessageContaining("an integer, 1 or more");
  }

  @Test
  void aMissingTableNameIsAnError() {
    building(c -> c.option("url", URL))
        .hasMessageContaining("setting 'location' has the value ''")
        .hasMessageContaining("the name of the cache table");
  }

  @Test
  void aTableNameOver128CharactersIsAnError() {
    building(c -> c.location("t".repeat(129)).option("url", URL))
        .hasMessageContaining("setting 'location'")
        .hasMessageContaining("1 to 128 characters");
  }

  @Test
  void anUnknownOptionListsTheDatabaseOptions() {
    withOptions(Map.of("url", URL, "pool", 5))
        .hasMessageContaining("'options.pool'")
        .hasMessageContaining("pool_size")
        .hasMessageContaining("use_tz");
  }

  @Test
  void goodSettingsBuildWithoutReachingTheDatabase() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("db")
                        .location("cache_table")
                        .option("url", "jdbc:postgresql://127.0.0.1:1/nowhere")
                        .option("use_tz", "false")
                        .option("time_zone", "America/Chicago")
                        .option("pool_size", "3")
                        .option("cull_count_every", 1))
            .build()) {
      assertThat(caches.getDefault().settings().location()).isEqualTo("cache_table");
    }
  }
}
