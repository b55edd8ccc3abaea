package io.larder.web.session;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * The application's view of the request: its sessions are the cache's, never the container's. A
 * login or logout through it that changes the principal gives the session a new key, as Django's
 * {@code login()} cycles it.
 */
final class SessionRequest extends HttpServletRequestWrapper {
  private final RequestSession sessions;

  SessionRequest(HttpServletRequest request, RequestSession sessions) {
    super(request);
    this.sessions = sessions;
  }

  @Override
  public HttpSession getSession(boolean create) {
    return sessions.getSession(create);
  }

  @Override
  public HttpSession getSession() {
    return sessions.getSession(true);
  }

  @Override
  public String changeSessionId() {
    return sessions.changeSessionId();
  }

  /** The container's login; a principal that changes gives the session a new key. */
  @Override
  public void login(String username, String password) throws ServletException {
    String before = principalName();
    try {
      super.login(username, password);
    } finally {
      sessions.principalChanged(before, principalName());
    }
  }

  /** The container's logout; a principal that changes gives the session a new key. */
  @Override
  public void logout() throws ServletException {
    String before = principalName();
    try {
      super.logout();
    } finally {
      sessions.principalChanged(before, principalName());
    }
  }

  /** The container's authentication; a principal that changes gives the session a new key. */
  @Override
  public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
    String before = principalName();
    try {
      return super.authenticate(response);
    } finally {
      sessions.principalChanged(before, principalName());
    }
  }

  private String principalName() {
    Principal principal = getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  @Override
  public String getRequestedSessionId() {
    return sessions.requestedKey();
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return sessions.isRequestedKeyValid();
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return sessions.requestedKey() != null;
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    return false;
  }
}
