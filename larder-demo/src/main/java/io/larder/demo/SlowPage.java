package io.larder.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /slow}: ~300 ms of simulated work per render; the per-view cache serves repeats. */
final class SlowPage extends HttpServlet {
  static final long WORK_MILLIS = 300;

  /** Renders so far, shown on the page, so a refreshed copy can be told from the one before. */
  private final AtomicLong renders = new AtomicLong();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      // The simulated work: a slow query or a heavy template.
      Thread.sleep(WORK_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    DemoHtml.write(
        response,
        "A slow page",
        "<p>Rendering this page takes "
            + WORK_MILLIS
            + " ms. It was rendered at</p>"
            + "<p class=\"stamp\" id=\"rendered\">"
            + LocalTime.now().withNano(0)
            + "</p>"
            + "<p>Render number <span id=\"renders\">"
            + renders.incrementAndGet()
            + "</span> of this page.</p>"
            + "<p>Reload: the page cache answers at once with the same copy (see the "
            + "<code>Age</code> header) for "
            + DemoServer.PAGE_TIMEOUT.toSeconds()
            + " s, and the <a href=\"/_larder/\">dashboard</a> counts the hits. After that, for "
            + DemoServer.STALE_WINDOW.toSeconds()
            + " s more, the old copy is still answered at once while one request renders a new"
            + " one (stale-while-revalidate), and answered instead of an error if this page"
            + " fails (stale-if-error).</p>");
  }
}
