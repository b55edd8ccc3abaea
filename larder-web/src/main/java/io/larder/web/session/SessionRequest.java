package io.larder.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/** The application's view of the request: its sessions are the cache's, never the container's. */
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
