package io.larder.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /}: what the demo shows and where. */
final class IndexPage extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DemoHtml.write(
        response,
        "Larder demo",
        "<p>Django's cache framework on the JVM, behind embedded Jetty.</p><ul>"
            + "<li><a href=\"/slow\">/slow</a>: a 300 ms page in the per-view page cache. The"
            + " second request comes back at once (<a href=\"/slow/uncached\">/slow/uncached</a>"
            + " is the same page without the cache).</li>"
            + "<li><a href=\"/vary\">/vary</a>: one cached copy per <code>Accept-Language</code>."
            + "</li><li><a href=\"/never\">/never</a>: a never-cache page, rendered every time."
            + "</li><li><a href=\"/fragments\">/fragments</a>: a page whose sidebar is a"
            + " fragment cached with <code>{% cache %}</code>, one copy per language.</li>"
            + "<li><a href=\"/counter\">/counter</a>: a visit counter in a session stored in"
            + " the cache.</li><li><a href=\"/layered\">/layered</a>: a layered cache (memory over"
            + " files): which tier answered, how fast, and an update from another process.</li>"
            + "<li><a href=\"/_larder/\">/_larder/</a>: every configured cache, its"
            + " counters and hit ratio, live.</li></ul>"
            + "<p>From a terminal: <code>curl -si http://"
            + DemoHtml.escape(hostOf(request))
            + "/slow | grep -i -e age -e cache-control</code>, twice.</p>");
  }

  private static String hostOf(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return host == null ? "127.0.0.1:8000" : host;
  }
}
