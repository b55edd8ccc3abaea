package io.larder.web.session;

import static jakarta.servlet.DispatcherType.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidConfigurationException;
import io.larder.web.FilterConfigStub;
import io.larder.web.TestSite;
import io.larder.web.WebSetting;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session filter declared in web.xml: every setting of {@link SessionSettings#SETTINGS} is an
 * init-param (a good value taken, a wrong one refused naming the filter and the init-param), and a
 * filter declared with init-params on a real Jetty gives its cookie the name and age they say.
 */
class WebXmlSessionFilterTest {
  private static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              FilterHolder sessions = new FilterHolder(WebXmlSessionFilter.class);
              sessions.setInitParameter("cookie-name", "shopsession");
              sessions.setInitParameter("cookie_age", "600");
              context.addFilter(sessions, "/*", EnumSet.of(REQUEST));
              context.addServlet(new ServletHolder(new Visits()), "/*");
            });
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  /** Counts a visitor's requests in the session. */
  static final class Visits extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Integer visits = (Integer) request.getSession().getAttribute("visits");
      request.getSession().setAttribute("visits", visits == null ? 1 : visits + 1);
      response.getWriter().print("visit " + (visits == null ? 1 : visits + 1));
    }
  }

  static Stream<WebSetting<SessionSettings.Reading>> settings() {
    return SessionSettings.SETTINGS.stream();
  }

  /** A value each setting takes as an init-param, alone. */
  static String good(WebSetting<?> setting) {
    return switch (setting.name()) {
      case "engine" -> "cache";
      case "cache_alias" -> "default";
      case "database_alias" -> "sessions_db";
      case "secret_key", "secret_key_fallbacks" -> "s3cret";
      case "secret_key_env", "secret_key_fallbacks_env" -> "PATH";
      case "cookie_name" -> "shopsession";
      case "cookie_domain" -> ".example.com";
      case "cookie_path" -> "/shop";
      case "cookie_samesite" -> "Strict";
      default ->
          switch (setting.type()) {
            case "seconds" -> "600";
            case "true/false" -> String.valueOf(!Boolean.parseBoolean(setting.defaultText()));
            default -> null;
          };
    };
  }

  private static FilterConfigStub config(String name, String value) {
    return new FilterConfigStub("sessions", Map.of(name, value), site);
  }

  @Test
  void theCookieHasTheNameAndAgeTheInitParamsSay() throws Exception {
    HttpResponse<String> response = site.get("/visits");

    assertThat(response.body()).isEqualTo("visit 1");
    assertThat(response.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            cookie -> assertThat(cookie).startsWith("shopsession=").contains("Max-Age=600"));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void everySettingIsAnInitParam(WebSetting<?> setting) {
    String name = WebSetting.kebab(setting.name());
    // A text init-param is one string: the fallbacks, a list, are read from an environment variable
    // by secret-key-fallbacks-env instead.
    if (setting.name().equals("secret_key_fallbacks")) {
      assertThatThrownBy(() -> new WebXmlSessionFilter().init(config(name, "s3cret")))
          .hasMessage(
              "Filter 'sessions': init-param 'secret-key-fallbacks' is '(hidden)'; accepted: "
                  + setting.accepted());
      return;
    }
    String value = good(setting);
    assertThat(value).as("a good value for the session setting %s", name).isNotNull();
    WebXmlSessionFilter filter = new WebXmlSessionFilter();
    assertThatCode(() -> filter.init(config(name, value)))
        .as("init-param %s=%s", name, value)
        .doesNotThrowAnyException();
    filter.destroy();
  }

  @Test
  void aWrongInitParamNamesTheFilterTheParamTheValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> new WebXmlSessionFilter().init(config("cookie-age", "two weeks")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Filter 'sessions': init-param 'cookie-age' is 'two weeks'; accepted: a positive number"
                + " of seconds, in whole seconds");
  }

  @Test
  void anUnknownInitParamIsRefused() {
    assertThatThrownBy(() -> new WebXmlSessionFilter().init(config("cookie-aeg", "600")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Filter 'sessions': init-param 'cookie-aeg' is '600'; accepted:")
        .hasMessageContaining("cookie_age");
  }
}
