package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The starter's page cache in a real Spring Boot application protected by real Spring Security,
 * over real HTTP: it runs after the security filter chain, so an anonymous request for a members'
 * page is refused whether or not a member's request cached the page; and an order forced ahead of
 * Spring Security stops the application at start-up.
 */
@SpringBootTest(
    classes = Vault.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=locmem",
      "larder.caches.default.location=vault-pages",
      "larder.web.page-cache.enabled=true"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PageCacheBehindSecurityTest {
  @LocalServerPort int port;
  @Autowired Vault.Reports reports;

  private VaultClient client;

  @BeforeEach
  void client() {
    client = new VaultClient(port);
  }

  @Test
  void anAnonymousRequestIsRefusedBeforeThePageIsCached() throws Exception {
    HttpResponse<String> anonymous = client.get("/members/report");

    assertThat(anonymous.statusCode()).as("sent to the login form").isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue(client.url("/login"));
    assertThat(anonymous.body()).doesNotContain("members' report");
    assertThat(reports.renders()).isZero();
  }

  @Test
  void anAnonymousRequestIsRefusedAfterAMemberCachedThePage() throws Exception {
    String member = client.logIn();
    HttpResponse<String> first = client.get("/members/report", "Cookie", member);
    HttpResponse<String> second = client.get("/members/report", "Cookie", member);

    HttpResponse<String> anonymous = client.get("/members/report");

    assertThat(first.body()).isEqualTo("members' report #1");
    assertThat(second.body()).isEqualTo("members' report #1");
    assertThat(second.headers().firstValue("Age")).as("the member's hit").isPresent();
    assertThat(anonymous.statusCode()).as("sent to the login form").isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue(client.url("/login"));
    assertThat(anonymous.body()).doesNotContain("members' report");
  }

  @Test
  void anOrderAheadOfSpringSecurityStopsTheApplicationAtStartUp() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(Vault.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "larder.caches.default.backend=locmem",
                "larder.web.page-cache.enabled=true",
                "larder.web.page-cache.order=-200");

    assertThatThrownBy(app::run)
        .rootCause()
        .hasMessageContaining("larder.web.page-cache.order is -200")
        .hasMessageContaining("Spring Security's filter chain (order -100)");
  }
}
