package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
  @Test
  void theDefaultsAreDjangos() {
    SessionSettings s = SessionSettings.defaults();

    assertThat(s.engine()).isEqualTo(SessionEngine.CACHE);
    assertThat(s.cacheAlias()).isEqualTo("default");
    assertThat(s.cookieName()).isEqualTo("sessionid");
    assertThat(s.cookiePath()).isEqualTo("/");
    assertThat(s.cookieDomain()).isEmpty();
    assertThat(s.cookieSecure()).isFalse();
    assertThat(s.cookieHttpOnly()).isTrue();
    assertThat(s.cookieSameSite()).contains("Lax");
    assertThat(s.age()).isEqualTo(Duration.ofSeconds(1209600));
    assertThat(s.saveEveryRequest()).isFalse();
    assertThat(s.expireAtBrowserClose()).isFalse();
  }

  @Test
  void djangosSettingNamesAreRead() {
    SessionSettings s =
        SessionSettings.from(
            Map.of(
                "SESSION_ENGINE", "django.contrib.sessions.backends.cached_db",
                "SESSION_CACHE_ALIAS", "sessions",
                "database_alias", "sessions_db",
                "SESSION_COOKIE_AGE", 3600,
                "SESSION_COOKIE_SAMESITE", "Strict",
                "SESSION_SAVE_EVERY_REQUEST", true));

    assertThat(s.engine()).isEqualTo(SessionEngine.CACHED_DB);
    assertThat(s.cacheAlias()).isEqualTo("sessions");
    assertThat(s.databaseAlias()).contains("sessions_db");
    assertThat(s.age()).isEqualTo(Duration.ofHours(1));
    assertThat(s.cookieSameSite()).contains("Strict");
    assertThat(s.saveEveryRequest()).isTrue();
  }

  @Test
  void anUnknownSettingIsAnErrorNamingIt() {
    assertThatThrownBy(() -> SessionSettings.from(Map.of("SESSION_COOKIE_AEG", 5)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'SESSION_COOKIE_AEG' has the value 5")
        .hasMessageContaining("cookie_age");
  }

  @Test
  void anUnknownEngineIsAnErrorListingTheEngines() {
    // "db" was the unknown engine here until Django's db engine was built; "file" is not one.
    assertThatThrownBy(() -> SessionSettings.from(Map.of("engine", "file")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'engine' has the value 'file'")
        .hasMessageContaining("cache, cached_db, db, signed_cookies");
  }

  @Test
  void djangosDottedEngineNamesAreAccepted() {
    Map<String, String> signed =
        Map.of(
            "SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies",
            "SECRET_KEY", "s3cret");
    Map<String, String> db =
        Map.of(
            "SESSION_ENGINE", "django.contrib.sessions.backends.db",
            "database_alias", "django_db",
            "SECRET_KEY", "s3cret");

    assertThat(SessionSettings.from(signed).engine()).isEqualTo(SessionEngine.SIGNED_COOKIES);
    assertThat(SessionSettings.from(db).engine()).isEqualTo(SessionEngine.DB);
  }

  @Test
  void theSignedEnginesNeedTheSecretKey() {
    assertThatThrownBy(() -> SessionSettings.from(Map.of("engine", "signed_cookies")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'secret_key'")
        .hasMessageContaining("required by the signed_cookies engine");
  }

  @Test
  void theDatabaseEngineNeedsTheDatabaseAlias() {
    assertThatThrownBy(() -> SessionSettings.from(Map.of("engine", "db", "secret_key", "s3cret")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'database_alias'")
        .hasMessageContaining("required by the db engine")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theSecretKeysComeFromTheEnvironmentWhenNamed() {
    SessionSettings settings =
        SessionSettings.from(
            Map.of(
                "engine", "signed_cookies",
                "secret_key_env", "APP_SECRET",
                "secret_key_fallbacks_env", "APP_OLD_SECRETS"),
            Map.of("APP_SECRET", "new-key", "APP_OLD_SECRETS", "old-1, old-2"));

    assertThat(settings.secretKey()).isEqualTo("new-key");
    assertThat(settings.secretKeyFallbacks()).containsExactly("old-1", "old-2");
  }

  @Test
  void anUnsetSecretVariableIsAnErrorNamingTheSetting() {
    assertThatThrownBy(
            () ->
                SessionSettings.from(
                    Map.of("engine", "signed_cookies", "secret_key_env", "APP_SECRET"), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'secret_key_env'")
        .hasMessageContaining("must be set");
  }

  @Test
  void secretsAreNeverPrinted() {
    SessionSettings settings =
        SessionSettings.from(
            Map.of(
                "engine", "signed_cookies",
                "secret_key", "top-secret-value",
                "secret_key_fallbacks", List.of("older-secret-value")));

    assertThat(settings.toString()).doesNotContain("top-secret-value", "older-secret-value");
    assertThatThrownBy(() -> SessionSettings.from(Map.of("secret_key_fallbacks", "older-secret")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageNotContaining("older-secret");
  }

  @Test
  void aWrongSameSiteIsAnError() {
    assertThatThrownBy(() -> SessionSettings.builder().cookieSameSite("sometimes"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(
            "'cookie_samesite' has the value 'sometimes'; accepted: Strict, Lax," + " None");
  }

  @Test
  void sameSiteNoneNeedsSecure() {
    assertThatThrownBy(() -> SessionSettings.builder().cookieSameSite("None").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("cookie_secure");
    assertThat(
            SessionSettings.builder()
                .cookieSameSite("None")
                .cookieSecure(true)
                .build()
                .cookieSameSite())
        .contains("None");
  }

  @Test
  void aNonPositiveAgeIsAnError() {
    assertThatThrownBy(() -> SessionSettings.from(Map.of("SESSION_COOKIE_AGE", 0)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'cookie_age' has the value 0; accepted: a positive number");
  }

  @Test
  void aCookieNameWithSeparatorsIsAnError() {
    assertThatThrownBy(() -> SessionSettings.builder().cookieName("my session"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'cookie_name' has the value 'my session'");
  }

  @Test
  void cachedDbNeedsADatabaseAlias() {
    assertThatThrownBy(() -> SessionSettings.builder().engine(SessionEngine.CACHED_DB).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'database_alias'")
        .hasMessageContaining("required by the cached_db engine");
  }

  @Test
  void theDatabaseAliasMustDifferFromTheCacheAlias() {
    assertThatThrownBy(
            () ->
                SessionSettings.builder()
                    .engine(SessionEngine.CACHED_DB)
                    .databaseAlias("default")
                    .build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("an alias other than cache_alias 'default'");
  }

  @Test
  void anUnknownCacheAliasIsAnErrorListingTheAliases() {
    Caches caches = Caches.builder().environment(Map.of()).build();
    SessionSettings settings = SessionSettings.builder().cacheAlias("sesions").build();

    assertThatThrownBy(() -> new SessionFilter(caches, settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'sesions' doesn't exist; the configured caches are default");
  }

  @Test
  void aLocalMemoryCacheCannotBeTheDurableCopy() {
    Caches caches =
        Caches.from(
            Map.of(
                "default", Map.of("backend", "locmem"),
                "sessions_db", Map.of("backend", "locmem", "location", "x")));
    SessionSettings settings =
        SessionSettings.builder()
            .engine(SessionEngine.CACHED_DB)
            .databaseAlias("sessions_db")
            .build();

    assertThatThrownBy(() -> new SessionFilter(caches, settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Cache 'sessions_db': setting 'backend' has the value 'locmem'")
        .hasMessageContaining("a durable backend");
  }

  @Test
  void aDurableCopyThatIgnoresItsErrorsIsRefused() {
    Caches caches =
        Caches.from(
            Map.of(
                "default", Map.of("backend", "locmem"),
                "sessions_db",
                    Map.of(
                        "backend",
                        "filebased",
                        "location",
                        System.getProperty("java.io.tmpdir") + "/larder-sessions-test",
                        "options",
                        Map.of("ignore_exceptions", true))));
    SessionSettings settings =
        SessionSettings.builder()
            .engine(SessionEngine.CACHED_DB)
            .databaseAlias("sessions_db")
            .build();

    assertThatThrownBy(() -> new SessionFilter(caches, settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'options.ignore_exceptions' has the value true");
  }
}
