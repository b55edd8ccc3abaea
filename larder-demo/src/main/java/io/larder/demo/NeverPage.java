package io.larder.demo;

import io.larder.web.headers.HttpCacheHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalTime;

/** {@code /never}: marked never-cache, so the page cache in front of it never stores it. */
final class NeverPage extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpCacheHeaders.neverCache(response);
    DemoHtml.write(
        response,
        "A never-cached page",
        "<p>This response says <code>Cache-Control: max-age=0, no-cache, no-store, "
            + "must-revalidate, private</code>, so it is rendered every time, at</p>"
            + "<p class=\"stamp\" id=\"rendered\">"
            + LocalTime.now().withNano(0)
            + "</p>");
  }
}
