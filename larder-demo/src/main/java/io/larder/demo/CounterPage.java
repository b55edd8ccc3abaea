package io.larder.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /counter}: a visit counter in a cache-backed session ({@code SessionFilter}); {@code
 * /counter/rotate} changes the session's key, {@code /counter/reset} invalidates it.
 */
final class CounterPage extends HttpServlet {
  private final RecentSessions recent;

  CounterPage(RecentSessions recent) {
    this.recent = recent;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (action) {
      case "/rotate" -> {
        HttpSession session = request.getSession(false);
        if (session != null) {
          String old = session.getId();
          request.changeSessionId();
          recent.forget(old);
          recent.visited(session.getId(), visits(session));
        }
        response.sendRedirect("/counter");
      }
      case "/reset" -> {
        HttpSession session = request.getSession(false);
        if (session != null) {
          recent.forget(session.getId());
          session.invalidate();
        }
        response.sendRedirect("/counter");
      }
      case "", "/" -> count(request, response);
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void count(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession();
    int visits = visits(session) + 1;
    session.setAttribute("visits", visits);
    recent.visited(session.getId(), visits);
    DemoHtml.write(
        response,
        "A session counter",
        "<p>Visits in this session:</p><p class=\"stamp\" id=\"count\">" + visits + "</p>"
            + "<p>The count lives in a session stored in a Larder cache, named by the "
            + "<code>sessionid</code> cookie. Reload to count; "
            + "<a href=\"/counter/rotate\">change the session key</a> (as after a login: the "
            + "count stays, the key changes) or <a href=\"/counter/reset\">end the session</a>."
            + " The <a href=\"/_larder/\">dashboard</a> lists the sessions.</p>");
  }

  private static int visits(HttpSession session) {
    Object visits = session.getAttribute("visits");
    return visits instanceof Integer n ? n : 0;
  }
}
