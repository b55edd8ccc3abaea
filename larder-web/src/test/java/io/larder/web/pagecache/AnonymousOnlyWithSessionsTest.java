package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import io.larder.web.session.SessionFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpSession;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anonymous-only page caching with Larder's sessions, over real HTTP on Jetty, in both filter
 * orders: a user logged in through a Larder session (Django's {@code _auth_user_id}) is recognised
 * whether the page cache runs inside the session filter or outside it, where the request still
 * carries only the container's session (none), so their page is never stored, nor replayed to
 * the same cookie after they log out.
 */
class AnonymousOnlyWithSessionsTest extends SiteTest {
  /** Where the page cache sits relative to Larder's session filter. */
  enum Order {
    PAGE_CACHE_OUTSIDE_SESSIONS,
    PAGE_CACHE_INSIDE_SESSIONS
  }

  private String sessionCookie;

  private void start(Order order) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              Filter sessions = new SessionFilter(s.caches);
              Filter pageCache = PageCache.builder(s.cache).anonymousOnly(true).build().filter();
              for (Filter filter :
                  order == Order.PAGE_CACHE_OUTSIDE_SESSIONS
                      ? new Filter[] {pageCache, sessions}
                      : new Filter[] {sessions, pageCache}) {
                context.addFilter(new FilterHolder(filter), "/*", REQUEST);
              }
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    site.page(
        "/login",
        (request, response) ->
            request.getSession().setAttribute(AuthenticatedRequests.SESSION_USER_KEY, "42"));
    site.page(
        "/logout",
        (request, response) -> {
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
        });
    site.page(
        "/home",
        (request, response) -> {
          HttpSession session =
              request.getRequestedSessionId() == null ? null : request.getSession(false);
          Object id =
              session == null ? null : session.getAttribute(AuthenticatedRequests.SESSION_USER_KEY);
          response.getWriter().write("Hello, " + (id == null ? "guest" : "user " + id));
        });
    site.page(
        "/basket/add",
        (request, response) -> request.getSession().setAttribute("basket", "3 items"));
    site.page(
        "/basket",
        (request, response) -> {
          HttpSession session =
              request.getRequestedSessionId() == null ? null : request.getSession(false);
          Object basket = session == null ? null : session.getAttribute("basket");
          response.getWriter().write("Basket: " + (basket == null ? "empty" : basket));
        });
    String cookie = site.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
    sessionCookie = cookie.substring(0, cookie.indexOf(';'));
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void aLoggedInUsersPageIsRenderedEachTimeAndMarkedPrivate(Order order) throws Exception {
    start(order);
    HttpResponse<String> first = site.get("/home", "Cookie", sessionCookie);
    HttpResponse<String> second = site.get("/home", "Cookie", sessionCookie);
    assertThat(first.body()).isEqualTo("Hello, user 42");
    assertThat(second.body()).isEqualTo("Hello, user 42");
    assertThat(second.headers().firstValue("Cache-Control")).hasValue("private");
    assertThat(second.headers().firstValue("Age")).isEmpty();
    assertThat(site.renders("/home")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void aLoggedInUsersPageIsNotReplayedAfterLogout(Order order) throws Exception {
    start(order);
    site.get("/home", "Cookie", sessionCookie);
    site.get("/logout", "Cookie", sessionCookie);
    HttpResponse<String> after = site.get("/home", "Cookie", sessionCookie);
    assertThat(after.body()).isEqualTo("Hello, guest");
    assertThat(site.renders("/home")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void guestsStillShareOnePage(Order order) throws Exception {
    start(order);
    site.get("/home", "Cookie", sessionCookie);
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    assertThat(site.get("/home").body()).isEqualTo("Hello, guest");
    assertThat(site.renders("/home")).as("the user's page, then the guests' once").isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void aGuestWithASessionIsNotAnsweredFromThePageStoredWithoutOne(Order order) throws Exception {
    start(order);
    assertThat(site.get("/basket").body()).isEqualTo("Basket: empty");
    String cookie = site.get("/basket/add").headers().firstValue("Set-Cookie").orElseThrow();
    String basketCookie = cookie.substring(0, cookie.indexOf(';'));
    assertThat(site.get("/basket", "Cookie", basketCookie).body()).isEqualTo("Basket: 3 items");
  }
}
