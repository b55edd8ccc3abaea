package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidConfigurationException;
import io.larder.web.FilterConfigStub;
import io.larder.web.TestSite;
import io.larder.web.WebSetting;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting of {@link PageCacheSettings} is an init-param of the page cache filter on a real
 * servlet context: a good value is taken and a wrong one is refused naming the filter and the
 * init-param (which proves the filter reads that very setting). The Spring Boot surface is checked
 * by the starter's {@code WebSettingSurfacesTest}.
 */
class PageCacheSettingsTest {
  private static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site =
        TestSite.start(
            (context, s) -> context.addServlet(new ServletHolder(s.pagesServlet()), "/*"));
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  static Stream<WebSetting<PageCacheSettings.Staged>> settings() {
    return PageCacheSettings.SETTINGS.stream();
  }

  /** A value each setting accepts, by its type (or its name where the type says too little). */
  static String good(WebSetting<?> setting) {
    return switch (setting.name()) {
      case "cache-alias" -> "default";
      case "key-prefix" -> "shop";
      case "allowed-hosts" -> "www.example.com .example.org";
      case "languages" -> "en, fr";
      default ->
          switch (setting.type()) {
            case "seconds" -> "30";
            case "true/false" -> String.valueOf(!Boolean.parseBoolean(setting.defaultText()));
            default -> setting.type().startsWith("integer") ? "7" : null;
          };
    };
  }

  /** A value each setting refuses, or null where every value is accepted (any key prefix). */
  static String wrong(WebSetting<?> setting) {
    return switch (setting.name()) {
      case "cache-alias" -> " ";
      case "key-prefix" -> null;
      case "allowed-hosts" -> "https://www.example.com/";
      case "languages" -> "en_US";
      default -> setting.type().startsWith("integer") ? "-1" : "soon";
    };
  }

  private static FilterConfigStub config(String name, String value) {
    return new FilterConfigStub("pages", Map.of(name, value), site);
  }

  @ParameterizedTest
  @MethodSource("settings")
  void everySettingIsAnInitParamThatTakesAGoodValue(WebSetting<?> setting) {
    String value = good(setting);
    assertThat(value).as("a good value for the page-cache setting %s", setting.name()).isNotNull();
    PageCacheFilter filter = new PageCacheFilter();
    assertThatCode(() -> filter.init(config(setting.name(), value)))
        .as("init-param %s=%s", setting.name(), value)
        .doesNotThrowAnyException();
    filter.destroy();
  }

  @ParameterizedTest
  @MethodSource("settings")
  void everySettingIsAnInitParamThatRefusesAWrongValueNamingIt(WebSetting<?> setting) {
    String value = wrong(setting);
    if (value == null) {
      return;
    }
    assertThatThrownBy(() -> new PageCacheFilter().init(config(setting.name(), value)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Filter 'pages': init-param '"
                + setting.name()
                + "' is '"
                + value
                + "'; accepted: "
                + setting.accepted());
  }

  @Test
  void anUnknownInitParamIsRefusedNamingTheSettings() {
    assertThatThrownBy(() -> new PageCacheFilter().init(config("cache-timout", "600")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Filter 'pages': init-param 'cache-timout' is '600'; accepted:")
        .hasMessageContaining("cache-timeout");
  }
}
