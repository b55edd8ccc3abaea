package io.larder.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /counter}: a visit counter in a cache-backed session ({@code SessionFilter}); a POST to
 * {@code /counter/rotate} changes the session's key, to {@code /counter/reset} invalidates it.
 */
final class CounterPage extends HttpServlet {
  private final RecentSessions recent;
  private final WriteForms forms;

  CounterPage(RecentSessions recent, WriteForms forms) {
    this.recent = recent;
    this.forms = forms;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (action) {
      case "/rotate", "/reset" -> write(request, response);
      case "", "/" -> count(request, response);
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(request, response);
  }

  private void write(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!action.equals("/rotate") && !action.equals("/reset")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!forms.accept(request, response)) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null && action.equals("/rotate")) {
      String old = session.getId();
      request.changeSessionId();
      recent.forget(old);
      recent.visited(session.getId(), visits(session));
    } else if (session != null) {
      recent.forget(session.getId());
      session.invalidate();
    }
    WriteForms.seeOther(response, "/counter");
  }

  private void count(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession();
    int visits = visits(session) + 1;
    session.setAttribute("visits", visits);
    recent.visited(session.getId(), visits);
    DemoHtml.write(
        response,
        "A session counter",
        "<p>Visits in this session:</p><p class=\"stamp\" id=\"count\">"
            + visits
            + "</p>"
            + "<p>The count lives in a session stored in a Larder cache, named by the "
            + "<code>sessionid</code> cookie. Reload to count; "
            + forms.button("/counter/rotate", "rotate", "change the session key")
            + " (as after a login: the count stays, the key changes) or "
            + forms.button("/counter/reset", "reset", "end the session")
            + ". The <a href=\"/_larder/\">dashboard</a> lists the sessions.</p>");
  }

  private static int visits(HttpSession session) {
    Object visits = session.getAttribute("visits");
    return visits instanceof Integer n ? n : 0;
  }
}
