package io.larder.web.session;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.function.Predicate;

/** The application under test: each path uses the session one way. */
final class SessionApp extends HttpServlet {
  private final Predicate<String> stored;

  /** {@code stored} tells whether the store holds a session key, for the commit tests. */
  SessionApp(Predicate<String> stored) {
    this.stored = stored;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    String body =
        switch (request.getRequestURI()) {
          case "/counter" -> {
            HttpSession session = request.getSession();
            Integer count = (Integer) session.getAttribute("count");
            int next = count == null ? 1 : count + 1;
            session.setAttribute("count", next);
            yield String.valueOf(next);
          }
          case "/peek" -> {
            HttpSession session = request.getSession(false);
            yield session == null ? "none" : String.valueOf(session.getAttribute("count"));
          }
          case "/login" -> {
            request.getSession();
            yield request.changeSessionId();
          }
          case "/logout" -> {
            HttpSession session = request.getSession(false);
            if (session != null) {
              session.invalidate();
            }
            yield "bye";
          }
          case "/expiry" -> {
            HttpSession session = request.getSession();
            session.setMaxInactiveInterval(Integer.parseInt(request.getParameter("seconds")));
            yield "ok";
          }
          case "/flush" -> {
            HttpSession session = request.getSession();
            session.setAttribute("count", 1);
            response.getWriter().print("flushed ");
            response.flushBuffer();
            yield "stored=" + stored.test(session.getId());
          }
          case "/late" -> {
            response.getWriter().print("late ");
            response.flushBuffer();
            try {
              request.getSession(true);
              yield "created";
            } catch (IllegalStateException e) {
              yield "refused";
            }
          }
          case "/fail" -> {
            request.getSession().setAttribute("count", 99);
            response.sendError(500);
            yield null;
          }
          case "/accessed" -> {
            Object before = request.getAttribute(SessionFilter.ACCESSED_ATTRIBUTE);
            request.getSession(false);
            yield before + " " + request.getAttribute(SessionFilter.ACCESSED_ATTRIBUTE);
          }
          case "/fail-page" -> {
            request.getSession().setAttribute("count", 99);
            response.setStatus(500);
            yield "failed";
          }
          case "/reset" -> {
            request.getSession().setAttribute("count", 1);
            response.getWriter().print("discarded");
            response.reset();
            yield "after reset";
          }
          case "/container-login" -> {
            try {
              request.login(request.getParameter("user"), request.getParameter("password"));
            } catch (ServletException e) {
              yield "refused";
            }
            yield request.getUserPrincipal().getName();
          }
          case "/container-logout" -> {
            String user = request.getUserPrincipal().getName();
            try {
              request.logout();
            } catch (ServletException e) {
              throw new IllegalStateException(e);
            }
            yield user + " out";
          }
          case "/login-as" -> {
            SessionLogin.login(request, request.getParameter("user"));
            yield request.getSession().getId();
          }
          case "/user" -> {
            HttpSession session = request.getSession(false);
            yield session == null ? "none" : String.valueOf(session.getAttribute(SessionLogin.USER_ID_KEY));
          }
          case "/logout-all" -> {
            SessionLogin.logout(request);
            yield "bye";
          }
          case "/valid" ->
              request.getRequestedSessionId() + " " + request.isRequestedSessionIdValid();
          default -> "plain";
        };
    if (body != null) {
      response.getWriter().print(body);
    }
  }
}
