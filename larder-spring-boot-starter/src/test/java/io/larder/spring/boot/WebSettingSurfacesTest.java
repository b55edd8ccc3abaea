package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.web.WebSetting;
import io.larder.web.pagecache.PageCacheSettings;
import io.larder.web.session.SessionSettings;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every declared page-cache and session setting is a {@code larder.web.*} property: the properties
 * class has it, a value bound from {@code application.yml} reaches the feature's settings map, and
 * the feature takes it. A setting added to {@link PageCacheSettings} or {@link SessionSettings}
 * without its property fails here, naming the property. (The init-params are checked in larder-web,
 * the docs tables by {@code SettingsTablesTest}.)
 */
class WebSettingSurfacesTest {
  private static final Caches caches = Caches.defaults();

  @AfterAll
  static void close() {
    caches.close();
  }

  static Stream<WebSetting<?>> pageCacheSettings() {
    return PageCacheSettings.SETTINGS.stream().map(s -> s);
  }

  static Stream<WebSetting<?>> sessionSettings() {
    return SessionSettings.SETTINGS.stream().map(s -> s);
  }

  /** A value each setting accepts, as it is written in application.yml. */
  static String good(WebSetting<?> setting) {
    return switch (WebSetting.kebab(setting.name())) {
      case "cache-alias" -> "default";
      case "allowed-hosts" -> "www.example.com,.example.org";
      case "languages" -> "en,fr";
      case "engine" -> "cached_db";
      case "database-alias" -> "sessions_db";
      case "secret-key-env", "secret-key-fallbacks-env" -> "PATH";
      case "cookie-domain" -> ".example.com";
      case "cookie-path" -> "/shop";
      case "cookie-samesite" -> "Strict";
      case "secret-key-fallbacks" -> "older-secret";
      default ->
          switch (setting.type()) {
            case "seconds" -> "30";
            case "true/false" -> String.valueOf(!Boolean.parseBoolean(setting.defaultText()));
            case "text" -> "shop";
            default -> setting.type().startsWith("integer") ? "7" : null;
          };
    };
  }

  private static LarderProperties bind(String property, String value) {
    return new Binder(new MapConfigurationPropertySource(Map.of(property, value)))
        .bindOrCreate("larder", Bindable.of(LarderProperties.class));
  }

  private static void assertHasProperty(Class<?> type, String property) throws Exception {
    assertThat(
            Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                .map(PropertyDescriptor::getName)
                .map(BoundSettings::kebab))
        .as("the Spring Boot property %s (in LarderProperties.%s)", property, type.getSimpleName())
        .contains(property.substring(property.lastIndexOf('.') + 1));
  }

  private static WebSetting.Complaint complaint() {
    return (name, value, accepted) ->
        new InvalidConfigurationException(name + " is " + value + "; accepted: " + accepted);
  }

  @ParameterizedTest
  @MethodSource("pageCacheSettings")
  void everyPageCacheSettingIsASpringBootProperty(WebSetting<?> setting) throws Exception {
    String property = "larder.web.page-cache." + WebSetting.kebab(setting.name());
    assertHasProperty(LarderProperties.PageCache.class, property);
    String value = good(setting);
    assertThat(value).as("a good value for %s", property).isNotNull();

    Map<String, Object> settings = bind(property, value).getWeb().getPageCache().settings();

    assertThat(settings).as("%s reaches the page cache", property).hasSize(1);
    assertThat(WebSetting.named(PageCacheSettings.SETTINGS, settings.keySet().iterator().next()))
        .as("%s names the setting %s", property, setting.name())
        .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo(setting.name()));
    assertThatCode(() -> PageCacheSettings.build(caches, settings, complaint()))
        .as("the page cache takes %s=%s", property, value)
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("sessionSettings")
  void everySessionSettingIsASpringBootProperty(WebSetting<?> setting) throws Exception {
    String property = "larder.web.sessions." + WebSetting.kebab(setting.name());
    assertHasProperty(LarderProperties.Sessions.class, property);
    String value = good(setting);
    assertThat(value).as("a good value for %s", property).isNotNull();

    Map<String, Object> settings = bind(property, value).getWeb().getSessions().settings();

    assertThat(settings).as("%s reaches the sessions", property).hasSize(1);
    assertThat(WebSetting.named(SessionSettings.SETTINGS, settings.keySet().iterator().next()))
        .as("%s names the setting %s", property, setting.name())
        .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo(setting.name()));
    // The engine needs a database alias, and a signed engine its key: given with the one setting.
    Map<String, Object> complete = new java.util.LinkedHashMap<>(settings);
    if (setting.name().equals("engine")) {
      complete.put("database_alias", "sessions_db");
    }
    assertThatCode(() -> SessionSettings.from(complete, complaint()))
        .as("the sessions take %s=%s", property, value)
        .doesNotThrowAnyException();
  }
}
