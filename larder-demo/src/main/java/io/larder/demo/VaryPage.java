package io.larder.demo;

import io.larder.web.headers.HttpCacheHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalTime;

/** {@code /vary}: varies on Accept-Language, so the cache keeps one copy per language. */
final class VaryPage extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String language = request.getHeader("Accept-Language");
    HttpCacheHeaders.patchVary(response, "Accept-Language");
    DemoHtml.write(
        response,
        "A page that varies",
        "<p>This response carries <code>Vary: Accept-Language</code>. Your browser sent</p>"
            + "<p class=\"stamp\" id=\"language\">"
            + DemoHtml.escape(language == null ? "(no Accept-Language)" : language)
            + "</p><p>rendered at <span id=\"rendered\">"
            + LocalTime.now().withNano(0)
            + "</span>. Each language gets its own cached copy: try "
            + "<code>curl -H 'Accept-Language: fr' …/vary</code>.</p>");
  }
}
