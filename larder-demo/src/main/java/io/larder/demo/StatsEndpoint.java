package io.larder.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.web.headers.HttpCacheHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /_larder/stats.json}: the {@link CacheSampler} report the dashboard polls. */
final class StatsEndpoint extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CacheSampler sampler;

  StatsEndpoint(CacheSampler sampler) {
    this.sampler = sampler;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(sampler.report());
    HttpCacheHeaders.neverCache(response);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
