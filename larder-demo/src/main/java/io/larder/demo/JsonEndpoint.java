package io.larder.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.web.headers.HttpCacheHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A dashboard data endpoint: its {@link #report()} as JSON, never cached (it is live). */
abstract class JsonEndpoint extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the endpoint answers now: maps, lists, strings, numbers, booleans and nulls. */
  abstract Object report();

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(report());
    HttpCacheHeaders.neverCache(response);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
