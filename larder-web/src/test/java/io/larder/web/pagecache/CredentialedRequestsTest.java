package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.session.SessionFilter;
import jakarta.servlet.http.HttpSession;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * A request that carries credentials is never answered from a page stored without them (issue 24,
 * item 8): the page key follows the header list the last stored response left, so once an anonymous
 * page is stored its key is the one an {@code Authorization} request computes too. The stored page
 * keeps what its request carried, and the lookup checks it.
 */
class CredentialedRequestsTest extends SiteTest {
  private static final String ALICE = "Basic YWxpY2U6eA==";
  private static final String BOB = "Basic Ym9iOng=";

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) ->
                TestSite.behind(options.apply(PageCache.builder(s.cache))).install(context, s));
    // A page for whoever the Authorization header names (an API behind Basic auth, say).
    site.page(
        "/me",
        (request, response) -> {
          String authorization = request.getHeader("Authorization");
          response.getWriter().write(authorization == null ? "guest" : "user " + authorization);
        });
    return site;
  }

  @Test
  void anAuthorizedRequestIsNotAnsweredFromTheAnonymousCopy() throws Exception {
    site(b -> b);
    assertThat(site.get("/me").body()).isEqualTo("guest");
    HttpResponse<String> alice = site.get("/me", "Authorization", ALICE);
    assertThat(alice.body()).isEqualTo("user " + ALICE);
    assertThat(alice.headers().firstValue("Age")).isEmpty();
    assertThat(site.renders("/me")).isEqualTo(2);
  }

  @Test
  void anAuthorizedRequestAfterTheAnonymousPageWasStoredAgainIsStillRendered() throws Exception {
    site(b -> b);
    site.get("/me");
    site.get("/me", "Authorization", ALICE);
    site.get("/me");
    assertThat(site.get("/me", "Authorization", BOB).body()).isEqualTo("user " + BOB);
    assertThat(site.get("/me").body()).isEqualTo("guest");
  }

  @Test
  void eachAuthorizationIsStillServedItsOwnStoredPage() throws Exception {
    site(b -> b);
    site.get("/me", "Authorization", ALICE);
    HttpResponse<String> again = site.get("/me", "Authorization", ALICE);
    assertThat(again.body()).isEqualTo("user " + ALICE);
    assertThat(site.get("/me", "Authorization", BOB).body()).isEqualTo("user " + BOB);
    assertThat(site.renders("/me")).isEqualTo(2);
  }

  @Test
  void aPublicPageStoredForAnAuthorizedRequestIsSharedAsTheViewSaid() throws Exception {
    site(b -> b).text("/docs", "same for all", "Cache-Control", "public");
    site.get("/docs", "Authorization", ALICE);
    site.get("/docs", "Authorization", BOB);
    site.get("/docs");
    assertThat(site.renders("/docs")).isEqualTo(1);
  }

  @Test
  void underAnonymousOnlyARequestWithASessionIsNotAnsweredFromACopyStoredWithoutOne()
      throws Exception {
    // The application keeps its login where the page cache does not look (not Django's key).
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(new FilterHolder(new SessionFilter(s.caches)), "/*", REQUEST);
              context.addFilter(
                  new FilterHolder(PageCache.builder(s.cache).anonymousOnly(true).build().filter()),
                  "/*",
                  REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.page(
        "/login", (request, response) -> request.getSession().setAttribute("user", "alice"));
    site.page(
        "/home",
        (request, response) -> {
          HttpSession session =
              request.getRequestedSessionId() == null ? null : request.getSession(false);
          Object user = session == null ? null : session.getAttribute("user");
          response.getWriter().write("Hello, " + (user == null ? "guest" : user));
        });
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    String cookie = site.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
    String sessionCookie = cookie.substring(0, cookie.indexOf(';'));
    assertThat(site.get("/home", "Cookie", sessionCookie).body()).isEqualTo("Hello, alice");
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
  }
}
