package io.larder.web.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads an attribute of the session a request names, whichever side of Larder's {@link
 * SessionFilter} the caller runs on. Behind the filter the request's own session is Larder's; in
 * front of it the request still carries only the container's session (usually none), so the
 * session is read from the store of each session filter of the servlet context, by its cookie. A
 * page cache mapped outside the session filter so recognises a user a Larder session logged in.
 *
 * <pre>{@code
 * // In a filter that may run before or after the session filter:
 * Object userId = SessionLookup.attribute(request, "_auth_user_id");
 * }</pre>
 *
 * <p>In front of the filter nothing is created, saved or marked as accessed: the session is only
 * read, and only when the request's cookie could name one. A session filter takes part once the
 * container has initialised it ({@code Filter.init}), as every container does before the first
 * request.
 *
 * @since 0.1
 */
public final class SessionLookup {
  /** The servlet-context attribute listing the context's initialised session filters. */
  private static final String FILTERS_ATTRIBUTE = SessionLookup.class.getName() + ".filters";

  /** The request attribute set while a session filter handles the request. */
  static final String BEHIND_ATTRIBUTE = SessionLookup.class.getName() + ".behind";

  private SessionLookup() {}

  /**
   * The value of the attribute {@code name} of the session {@code request} names, or null when the
   * request names no live session or the session has no such attribute: Larder's session (behind
   * the session filter, or read from its store in front of it), else the container's.
   *
   * @param request the request being handled, in front of the session filter or behind it
   * @param name the attribute's name, e.g. {@link SessionLogin#USER_ID_KEY}
   * @return the attribute's value, or null when there is no session or no such attribute
   */
  public static Object attribute(HttpServletRequest request, String name) {
    if (request.getAttribute(BEHIND_ATTRIBUTE) == null) {
      for (SessionFilter filter : filters(request.getServletContext())) {
        Object value = filter.storedAttribute(request, name);
        if (value != null) {
          return value;
        }
      }
    }
    if (request.getRequestedSessionId() == null) {
      return null;
    }
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getAttribute(name);
  }

  /**
   * Whether {@code request} names a session: a Larder session cookie (in front of the session
   * filter, where the container knows nothing of it) or a session id the container was given.
   *
   * @param request the request being handled, in front of the session filter or behind it
   * @return whether it names a session; the session need not exist or be live
   */
  public static boolean namesSession(HttpServletRequest request) {
    if (request.getAttribute(BEHIND_ATTRIBUTE) == null) {
      for (SessionFilter filter : filters(request.getServletContext())) {
        if (filter.namedKey(request) != null) {
          return true;
        }
      }
    }
    return request.getRequestedSessionId() != null;
  }

  static void register(ServletContext context, SessionFilter filter) {
    synchronized (SessionLookup.class) {
      List<SessionFilter> filters = filters(context);
      if (filters.isEmpty()) {
        filters = new CopyOnWriteArrayList<>();
        context.setAttribute(FILTERS_ATTRIBUTE, filters);
      }
      filters.add(filter);
    }
  }

  static void unregister(ServletContext context, SessionFilter filter) {
    filters(context).remove(filter);
  }

  @SuppressWarnings("unchecked")
  private static List<SessionFilter> filters(ServletContext context) {
    Object filters = context == null ? null : context.getAttribute(FILTERS_ATTRIBUTE);
    return filters instanceof List<?> list ? (List<SessionFilter>) list : List.of();
  }
}
