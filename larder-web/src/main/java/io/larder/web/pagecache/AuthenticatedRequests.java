package io.larder.web.pagecache;

import io.larder.web.session.SessionLogin;
import io.larder.web.session.SessionLookup;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;

/**
 * Who counts as logged in for anonymous-only page caching ({@link
 * PageCache.Builder#anonymousOnly(boolean)}): a request with a user principal or a remote user (the
 * container's or a security filter's login), or with a session that holds {@link
 * #SESSION_USER_KEY}, the key Django's {@code login()} writes the user's id under, so that a
 * session a Django application logged in is recognised too.
 *
 * <pre>{@code
 * PageCache.builder(cache).anonymousOnly(true);                           // this rule
 * PageCache.builder(cache).anonymousOnly(r -> r.getHeader("X-User") != null); // the application's
 * // Logging a user in, so that the page cache sees it:
 * request.getSession().setAttribute(AuthenticatedRequests.SESSION_USER_KEY, user.id());
 * }</pre>
 *
 * <p>The session is looked at only when the request names one, so an anonymous visitor without a
 * session cookie is not given a session (nor a {@code Vary: Cookie}) by the check. It is Larder's
 * session in either filter order ({@link SessionLookup}): a page cache mapped in front of the
 * session filter reads the session from the filter's store by its cookie, where the request itself
 * knows only the container's session.
 *
 * @since 0.1
 */
public final class AuthenticatedRequests {
  /** Django's {@code SESSION_KEY} ({@code django.contrib.auth}): the logged-in user's id. */
  public static final String SESSION_USER_KEY = SessionLogin.USER_ID_KEY;

  private static final Predicate<HttpServletRequest> STANDARD = AuthenticatedRequests::test;

  private AuthenticatedRequests() {}

  /**
   * The rule above: a principal, a remote user, or a session holding {@link #SESSION_USER_KEY}.
   *
   * @return the test, true for a logged-in request; thread-safe
   */
  public static Predicate<HttpServletRequest> standard() {
    return STANDARD;
  }

  private static boolean test(HttpServletRequest request) {
    if (request.getUserPrincipal() != null || request.getRemoteUser() != null) {
      return true;
    }
    return SessionLookup.attribute(request, SESSION_USER_KEY) != null;
  }
}
