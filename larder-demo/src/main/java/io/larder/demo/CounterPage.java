package io.larder.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /counter}: a visit counter in a cache-backed session ({@code SessionFilter}); a POST to
 * {@code /counter/rotate} changes the session's key, to {@code /counter/reset} invalidates it.
 */
final class CounterPage extends ActionPage {
  private final RecentSessions recent;

  CounterPage(RecentSessions recent, WriteForms forms) {
    super(forms, "/rotate", "/reset");
    this.recent = recent;
  }

  @Override
  void act(String action, HttpServletRequest request, HttpServletResponse response) {
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

  /** Counts the visit. */
  @Override
  void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
