package io.larder.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A demo page that shows itself at its root and writes at each of its action paths ({@code
 * /counter/rotate}). A write runs only when {@link WriteForms#accept} takes the request, so a GET
 * of an action path is refused, not run; any other path is 404.
 */
abstract class ActionPage extends HttpServlet {
  /** The writes' forms and their token. */
  final WriteForms forms;

  private final Set<String> actions;

  ActionPage(WriteForms forms, String... actions) {
    this.forms = forms;
    this.actions = Set.of(actions);
  }

  /** Answers a GET of the page's root. */
  abstract void show(HttpServletRequest request, HttpServletResponse response) throws IOException;

  /** Runs {@code action}, one of the page's action paths, for a request that carries the token. */
  abstract void act(String action, HttpServletRequest request, HttpServletResponse response)
      throws IOException;

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = action(request);
    if (actions.contains(action)) {
      write(request, response);
    } else if (action.isEmpty() || action.equals("/")) {
      show(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected final void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(request, response);
  }

  private void write(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = action(request);
    if (!actions.contains(action)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (forms.accept(request, response)) {
      act(action, request, response);
    }
  }

  private static String action(HttpServletRequest request) {
    return request.getPathInfo() == null ? "" : request.getPathInfo();
  }
}
