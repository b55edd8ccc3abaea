package io.larder.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;

/**
 * The session side of Django's {@code login()} and {@code logout()}, for an application that
 * authenticates users itself: a login gives the session a new key (Django's {@code cycle_key}), so
 * a key an attacker planted in the browser before the login opens nothing after it (session
 * fixation).
 *
 * <pre>{@code
 * User user = users.check(request.getParameter("username"), request.getParameter("password"));
 * if (user != null) {
 *   HttpSession session = SessionLogin.login(request, user.id());
 *   session.setAttribute("displayName", user.name());
 * }
 * // and on the way out:
 * SessionLogin.logout(request);
 * }</pre>
 *
 * <p>{@code HttpServletRequest.login} and {@code logout} through {@link SessionFilter} change the key
 * by themselves when the principal changes, and Spring Security's session fixation protection
 * (its default, {@code changeSessionId}) calls {@code HttpServletRequest.changeSessionId()}, which
 * the filter answers the same way: this class is for logins those do not see. It uses only the
 * servlet API, so it works on a container's own sessions too.
 *
 * @since 0.1
 */
public final class SessionLogin {
  /**
   * Django's {@code SESSION_KEY} ({@code django.contrib.auth}): the logged-in user's id, the key
   * the anonymous-only page cache also reads.
   */
  public static final String USER_ID_KEY = "_auth_user_id";

  private SessionLogin() {}

  /**
   * Logs {@code userId} in on the request's session, as Django's {@code login()} does: a session
   * already logged in as another user is invalidated and a new, empty one started (the other user's
   * data is not handed over); otherwise the session keeps its data under a new key (one is created
   * if the request has none). The old key is deleted from the store when the response is sent, and
   * the response carries the new cookie. Call it before the response is committed.
   *
   * @param request the request being handled, behind the session filter
   * @param userId the user's id, as Django's {@code _auth_user_id} holds it; not null
   * @return the session, now holding {@code userId} under {@link #USER_ID_KEY}
   * @throws IllegalStateException if the response is already committed
   */
  public static HttpSession login(HttpServletRequest request, String userId) {
    Objects.requireNonNull(userId, "userId");
    HttpSession session = request.getSession(false);
    if (session != null) {
      Object loggedIn = session.getAttribute(USER_ID_KEY);
      if (loggedIn != null && !loggedIn.equals(userId)) {
        session.invalidate();
        session = null;
      }
    }
    if (session == null) {
      session = request.getSession(true);
    } else {
      request.changeSessionId();
    }
    session.setAttribute(USER_ID_KEY, userId);
    return session;
  }

  /**
   * Ends the request's session, as Django's {@code logout()} flushes it: its data is deleted from
   * every store now and the response deletes the cookie; the next {@code getSession()} starts a new
   * session under a new key. Does nothing when the request has no session.
   *
   * @param request the request being handled, behind the session filter
   */
  public static void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
