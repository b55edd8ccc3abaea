package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.session.SessionFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * Anonymous-only page caching, tested for privacy: a logged-in user never receives the anonymous
 * copy and never creates one, their responses are private, and the anonymous copy never carries a
 * user's data or cookie. Users log in the container's way (a remote user, here set by a filter from
 * a test header), by the application's predicate, or through a session holding Django's user key.
 */
class AnonymousOnlyPageCacheTest extends SiteTest {
  /** A stand-in for a security filter: the X-Test-User header logs that user in. */
  private static final Filter LOGIN =
      (req, res, chain) -> {
        HttpServletRequest request = (HttpServletRequest) req;
        String user = request.getHeader("X-Test-User");
        chain.doFilter(
            user == null
                ? request
                : new HttpServletRequestWrapper(request) {
                  @Override
                  public String getRemoteUser() {
                    return user;
                  }
                },
            res);
      };

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(new FilterHolder(LOGIN), "/*", REQUEST);
              context.addFilter(
                  new FilterHolder(options.apply(PageCache.builder(s.cache)).build().filter()),
                  "/*",
                  REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    greeting();
    return site;
  }

  /** "Hello, <user>" (or "Hello, guest"); a user also gets their own cookie. */
  private void greeting() {
    site.page(
        "/home",
        (request, response) -> {
          String user = request.getRemoteUser();
          if (user != null) {
            response.addHeader("Set-Cookie", "theme=" + user + "-dark");
          }
          response.setContentType("text/plain");
          response.getWriter().write("Hello, " + (user == null ? "guest" : user));
        });
  }

  @Test
  void aLoggedInUserIsNotServedTheAnonymousCopy() throws Exception {
    site(b -> b.anonymousOnly(true));
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    HttpResponse<String> alice = site.get("/home", "X-Test-User", "alice");
    assertThat(alice.body()).isEqualTo("Hello, alice");
    assertThat(site.renders("/home")).isEqualTo(2);
  }

  @Test
  void aLoggedInUsersPageIsNotStoredForAnyone() throws Exception {
    site(b -> b.anonymousOnly(true));
    site.get("/home", "X-Test-User", "alice");
    HttpResponse<String> guest = site.get("/home");
    assertThat(guest.body()).isEqualTo("Hello, guest");
    assertThat(guest.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(site.get("/home", "X-Test-User", "bob").body()).isEqualTo("Hello, bob");
    assertThat(site.renders("/home")).isEqualTo(3);
  }

  @Test
  void aLoggedInUsersResponseIsMarkedPrivate() throws Exception {
    site(b -> b.anonymousOnly(true));
    site.text("/public", "x", "Cache-Control", "public, max-age=60");
    HttpResponse<String> alice = site.get("/public", "X-Test-User", "alice");
    assertThat(alice.headers().firstValue("Cache-Control")).hasValue("max-age=60, private");
    assertThat(site.get("/home", "X-Test-User", "alice").headers().firstValue("Cache-Control"))
        .hasValue("private");
  }

  @Test
  void theAnonymousCopyCarriesNoUsersDataOrCookie() throws Exception {
    site(b -> b.anonymousOnly(true));
    site.get("/home", "X-Test-User", "alice");
    site.get("/home");
    site.get("/home", "X-Test-User", "alice");
    HttpResponse<String> guest = site.get("/home");
    assertThat(guest.body()).isEqualTo("Hello, guest");
    assertThat(guest.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(guest.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(site.renders("/home")).as("the guest page once, alice's each time").isEqualTo(3);
  }

  @Test
  void withoutTheOptionEveryoneSharesThePage() throws Exception {
    site(b -> b);
    site.text("/shared", "same for all");
    site.get("/shared");
    assertThat(site.get("/shared", "X-Test-User", "alice").body()).isEqualTo("same for all");
    assertThat(site.renders("/shared")).isEqualTo(1);
  }

  @Test
  void theApplicationsPredicateDecidesWhoIsLoggedIn() throws Exception {
    site(b -> b.anonymousOnly(r -> r.getHeader("X-Api-Key") != null));
    site.text("/api", "data");
    site.get("/api");
    site.get("/api", "X-Api-Key", "k");
    assertThat(site.renders("/api")).isEqualTo(2);
    assertThat(site.get("/api", "X-Test-User", "alice").body()).isEqualTo("data");
    assertThat(site.renders("/api"))
        .as("a remote user is anonymous to this predicate")
        .isEqualTo(2);
  }

  @Test
  void aSessionHoldingDjangosUserKeyIsLoggedIn() throws Exception {
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
        "/login",
        (request, response) ->
            request.getSession().setAttribute(AuthenticatedRequests.SESSION_USER_KEY, "42"));
    site.page(
        "/home",
        (request, response) -> {
          // Only a request that names a session looks at it: a guest page stays shareable.
          HttpSession session =
              request.getRequestedSessionId() == null ? null : request.getSession(false);
          Object id =
              session == null ? null : session.getAttribute(AuthenticatedRequests.SESSION_USER_KEY);
          response.getWriter().write("Hello, " + (id == null ? "guest" : "user " + id));
        });
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    String cookie = site.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
    String sessionCookie = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> user = site.get("/home", "Cookie", sessionCookie);
    assertThat(user.body()).isEqualTo("Hello, user 42");
    assertThat(user.headers().firstValue("Cache-Control")).hasValue("private");
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    assertThat(site.renders("/home")).isEqualTo(2);
  }
}
