package io.larder.web.pagecache;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the page cache's decisions need to know of a request, read once before the view runs: its
 * method, whether the client sent it (not a forward, include, error or async dispatch), whether it
 * is authenticated (as {@link PageCache.Builder#anonymousOnly} judges), whether it carries an
 * {@code Authorization} header, and whether it has a query string. A plain value, so that {@link
 * PagePolicy} is tested without a servlet container.
 */
record PageRequest(
    String method,
    boolean fromClient,
    boolean authenticated,
    boolean hasAuthorization,
    boolean hasQuery) {

  /** A GET sent by the client, anonymous, with neither Authorization nor query string. */
  static PageRequest get() {
    return new PageRequest("GET", true, false, false, false);
  }

  /** The facts of {@code request}; {@code authenticated} as the page cache judged it. */
  static PageRequest of(HttpServletRequest request, boolean authenticated) {
    String authorization = request.getHeader("Authorization");
    String query = request.getQueryString();
    return new PageRequest(
        request.getMethod(),
        request.getDispatcherType() == DispatcherType.REQUEST,
        authenticated,
        authorization != null && !authorization.isEmpty(),
        query != null && !query.isEmpty());
  }

  PageRequest method(String method) {
    return new PageRequest(method, fromClient, authenticated, hasAuthorization, hasQuery);
  }

  PageRequest authenticated(boolean authenticated) {
    return new PageRequest(method, fromClient, authenticated, hasAuthorization, hasQuery);
  }

  PageRequest withAuthorization() {
    return new PageRequest(method, fromClient, authenticated, true, hasQuery);
  }
}
