package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Actuator's {@code configprops} and {@code env}, with their values shown, never show a cache's
 * password: a location's or URL's is hidden by Larder's one rule, however malformed, and a password
 * or secret setting entirely.
 */
@SpringBootTest(
    classes = SecuredShop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=locmem",
      "larder.caches.default.location=user:p@ss@h",
      "larder.caches.other.backend=locmem",
      "larder.caches.other.location=redis://u:pa/ss@h:6379/0",
      "larder.web.sessions.secret-key=django-insecure-k3y",
      "management.endpoints.web.exposure.include=configprops,env",
      "management.endpoint.configprops.show-values=always",
      "management.endpoint.env.show-values=always"
    })
class ActuatorPasswordsTest {
  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/configprops", "/actuator/env"})
  void noPasswordIsShown(String endpoint) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(body).contains("user:***@h").contains("redis://u:***@h:6379/0");
    assertThat(body)
        .doesNotContain("p@ss")
        .doesNotContain("pa/ss")
        .doesNotContain("django-insecure-k3y");
  }
}
