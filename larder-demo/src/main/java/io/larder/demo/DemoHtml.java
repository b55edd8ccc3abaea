package io.larder.demo;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The demo pages' shared frame: a title, inline styles, a menu, and the page's own content. */
final class DemoHtml {
  private DemoHtml() {}

  static void write(HttpServletResponse response, String title, String content) throws IOException {
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + title
            + " · Larder demo</title><style>"
            + "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:52rem;"
            + "padding:0 1rem;color:#222}nav a{margin-right:1rem}code{background:#f3f3f3;"
            + "padding:0 .25rem}.stamp{font-size:1.4rem;font-weight:600}form.write{display:inline}"
            + "</style></head><body>"
            + "<nav><a href=\"/\">Home</a><a href=\"/slow\">/slow</a><a href=\"/vary\">/vary</a>"
            + "<a href=\"/never\">/never</a><a href=\"/fragments\">/fragments</a>"
            + "<a href=\"/counter\">/counter</a><a href=\"/layered\">/layered</a>"
            + "<a href=\"/_larder/\">dashboard</a></nav><h1>"
            + title
            + "</h1>"
            + content
            + "</body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** {@code s} with HTML's special characters escaped. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
