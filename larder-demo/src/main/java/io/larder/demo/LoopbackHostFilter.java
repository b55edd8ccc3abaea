package io.larder.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Answers 400 to a request whose {@code Host} is not the demo's own address: {@code 127.0.0.1} or
 * {@code localhost}, on the port the request came in on. A page on another site that points its
 * own name at 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the demo and read its
 * pages, the dashboard and the write forms' token; its requests carry its name as the Host. As
 * Django's {@code ALLOWED_HOSTS} for a site served on loopback.
 */
final class LoopbackHostFilter implements Filter {
  private static final Set<String> NAMES = Set.of("127.0.0.1", "localhost");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (!isLoopback(http.getHeader("Host"), http.getLocalPort())) {
      ((HttpServletResponse) response)
          .sendError(
              HttpServletResponse.SC_BAD_REQUEST,
              "The Host header names another site: the demo answers only to 127.0.0.1:"
                  + http.getLocalPort()
                  + " and localhost:"
                  + http.getLocalPort());
      return;
    }
    chain.doFilter(request, response);
  }

  /** True if {@code host} is a loopback name with {@code port} (or no port when it is 80). */
  static boolean isLoopback(String host, int port) {
    if (host == null) {
      return false;
    }
    String value = host.trim().toLowerCase(Locale.ROOT);
    int colon = value.lastIndexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    String given = colon < 0 ? "80" : value.substring(colon + 1);
    return NAMES.contains(name) && given.equals(Integer.toString(port));
  }
}
