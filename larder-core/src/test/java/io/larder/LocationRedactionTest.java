package io.larder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A location as it is shown (CLI, dashboard, logs, errors, Actuator): whatever lies between the
 * scheme's {@code //} (or the start) and the last {@code @} is hidden but the user name, however
 * malformed the URL, and so are {@code password=} parameters.
 */
class LocationRedactionTest {
  private static CacheSettings settings(String location) {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("locmem").location(location))
            .build()) {
      return caches.getDefault().settings();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "redis://alice:s3cret@127.0.0.1:6379/1  | redis://alice:***@127.0.0.1:6379/1",
        "redis://u:pa/ss@h                      | redis://u:***@h",
        "redis://user:p@ss@h                    | redis://user:***@h",
        "rediss://u:pa?ss#w@h/1?db=2            | rediss://u:***@h/1?db=2",
        "redis://:s3cret@h                      | redis://:***@h",
        "redis://t0ken@h                        | redis://***@h",
        "user:p@ss@h                            | user:***@h",
        "user:pw@host:11211                     | user:***@host:11211",
        "user:pa//ss@host                       | user:***@host",
        "jdbc:mysql://app:s3:cret@h/db          | jdbc:mysql://app:***@h/db",
        "jdbc:oracle:thin:scott/tiger@h:1521/db | jdbc:oracle:thin:***@h:1521/db",
        "jdbc:postgresql://h/db?user=app&password=s3cret | jdbc:postgresql://h/db?user=app&password=***",
        "unix:///run/redis.sock?db=1&password=s3cret     | unix:///run/redis.sock?db=1&password=***",
        "redis://h:6379/0?sentinel_password=s3cret       | redis://h:6379/0?sentinel_password=***",
      })
  void thePasswordIsNeverShown(String location, String shown) {
    CacheSettings settings = settings(location);

    assertThat(settings.displayLocation()).isEqualTo(shown);
    assertThat(settings.toString()).contains("location=" + shown + ",");
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:11211;127.0.0.1:11212",
    "/var/tmp/larder",
    "/var/tmp/mail@example",
    "redis://127.0.0.1:6379/0",
    "unix:///run/redis.sock?db=1",
    "jdbc:oracle:thin:@127.0.0.1:1521/app",
    "shop-sessions"
  })
  void aLocationWithoutAPasswordIsShownAsItIs(String location) {
    assertThat(settings(location).displayLocation()).isEqualTo(location);
  }

  @ParameterizedTest
  @CsvSource({"user:p@ss@h", "redis://u:pa/ss@h", "user:pw@host"})
  void aSettingsErrorNeverShowsThePassword(String location) {
    String message =
        InvalidConfigurationException.badSetting("default", "location", location, "a server")
            .getMessage();

    assertThat(message).doesNotContain("p@ss").doesNotContain("pa/ss").doesNotContain("pw@");
    assertThat(message).contains("***@");
  }

  @ParameterizedTest
  @CsvSource({"options.password", "options.sentinel_password", "secret_key"})
  void aSecretSettingsValueIsNeverShownInAnError(String setting) {
    String message =
        InvalidConfigurationException.badSetting("default", setting, "hunter2", "no such option")
            .getMessage();

    assertThat(message).doesNotContain("hunter2").contains("(hidden)");
  }
}
