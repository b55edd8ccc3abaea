package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.web.pagecache.PageCache;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A page cache the application registers by hand ahead of real Spring Security (at {@code
 * HIGHEST_PRECEDENCE + 10}), over real HTTP: it finds itself ahead of the security filter chain,
 * says so as an error, and neither answers nor stores the pages the chain protects, so an anonymous
 * request is still refused after a member's requests.
 */
@SpringBootTest(
    classes = {Vault.class, PageCacheAheadOfSecurityTest.HandRegistered.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "larder.caches.default.backend=locmem",
      "larder.caches.default.location=vault-pages-ahead"
    })
@ExtendWith(OutputCaptureExtension.class)
class PageCacheAheadOfSecurityTest {
  @TestConfiguration
  static class HandRegistered {
    @Bean
    FilterRegistrationBean<Filter> pageCacheAheadOfSecurity(Caches caches) {
      FilterRegistrationBean<Filter> registration =
          new FilterRegistrationBean<>(PageCache.builder(caches.getDefault()).build().filter());
      registration.addUrlPatterns("/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  @LocalServerPort int port;
  @Autowired Vault.Reports reports;

  @Test
  void itNeitherServesNorStoresProtectedPagesAndSaysWhy(CapturedOutput output) throws Exception {
    VaultClient client = new VaultClient(port);
    String member = client.logIn();
    client.get("/members/report", "Cookie", member);
    HttpResponse<String> second = client.get("/members/report", "Cookie", member);

    HttpResponse<String> anonymous = client.get("/members/report");

    assertThat(anonymous.statusCode()).as("sent to the login form").isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue(client.url("/login"));
    assertThat(anonymous.body()).doesNotContain("members' report");
    assertThat(second.body()).as("not stored").isEqualTo("members' report #2");
    assertThat(output)
        .contains("runs ahead of the security filter 'springSecurityFilterChain'")
        .contains("neither answered from nor stored in the cache");
  }
}
