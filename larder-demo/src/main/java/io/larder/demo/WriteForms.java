package io.larder.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's writing endpoints ({@code /layered/set}, {@code /layered/update}, {@code /counter/
 * rotate}, {@code /counter/reset}, the sidebar's invalidation): POST only, from the demo's own forms,
 * each carrying this process's random token in {@value #FIELD}. Another site's page cannot read the
 * token (the same-origin policy, and {@link LoopbackHostFilter} refuses a rebound host name), so it
 * cannot make the browser write (cross-site request forgery); a GET never writes, so neither can a
 * link or an image. One token per process suffices: the demo is one user's app on loopback.
 */
final class WriteForms {
  /** The form field that carries the token, as Django's {@code csrfmiddlewaretoken}. */
  static final String FIELD = "csrf_token";

  private final String token;

  WriteForms() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
  }

  /** The token, for a template that writes its own form. */
  String token() {
    return token;
  }

  /**
   * A one-button form that POSTs to {@code action} with the token and the {@code fields} given as
   * name, value pairs; {@code label} is HTML.
   */
  String button(String action, String id, String label, String... fields) {
    StringBuilder form =
        new StringBuilder("<form class=\"write\" method=\"post\" action=\"")
            .append(DemoHtml.escape(action))
            .append("\">")
            .append(hidden(FIELD, token));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.append(hidden(fields[i], fields[i + 1]));
    }
    return form.append("<button type=\"submit\" id=\"")
        .append(id)
        .append("\">")
        .append(label)
        .append("</button></form>")
        .toString();
  }

  /**
   * True if {@code request} is a POST carrying the token; otherwise answers it (405 for another
   * method, 403 for a missing or wrong token) and returns false, having written nothing.
   */
  boolean accept(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      response.sendError(
          HttpServletResponse.SC_METHOD_NOT_ALLOWED, "This endpoint writes: POST it from its form");
      return false;
    }
    String given = request.getParameter(FIELD);
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "The form's " + FIELD + " is missing or wrong: reload the page and try again");
      return false;
    }
    return true;
  }

  /** After a write: 303, so that the browser GETs {@code location} (and a reload does not POST). */
  static void seeOther(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\""
        + DemoHtml.escape(name)
        + "\" value=\""
        + DemoHtml.escape(value)
        + "\">";
  }
}
