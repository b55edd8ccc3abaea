package io.larder.demo;

import io.larder.web.headers.HttpCacheHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /_larder/}: the dashboard, one self-contained HTML page whose inline script polls {@code
 * stats.json} and draws the table and the SVG hit-ratio chart.
 */
final class DashboardPage extends HttpServlet {
  private final byte[] html = load();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpCacheHeaders.neverCache(response);
    response.setContentType("text/html;charset=utf-8");
    response.setContentLength(html.length);
    response.getOutputStream().write(html);
  }

  private static byte[] load() {
    try (InputStream in = DashboardPage.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.html is missing from the demo's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
