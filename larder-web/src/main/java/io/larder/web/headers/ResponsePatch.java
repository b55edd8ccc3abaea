package io.larder.web.headers;

import io.larder.web.response.HeldResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs the chain and then changes the response's headers, as Django's decorators do after the view:
 * the body is held back until the headers are patched, and if the application flushes, goes async
 * or writes more than {@link #HELD_BYTES}, the headers are patched at that moment, just before the
 * first byte leaves.
 */
final class ResponsePatch {
  static final int HELD_BYTES = 64 << 10;

  private final Consumer<HttpServletResponse> patch;

  ResponsePatch(Consumer<HttpServletResponse> patch) {
    this.patch = patch;
  }

  void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    HeldResponse buffered =
        HeldResponse.buffering(response, HELD_BYTES, () -> patch.accept(response));
    chain.doFilter(buffered.watching(request), buffered);
    buffered.finishApplication(request.isAsyncStarted());
    buffered.beforeCommit();
    buffered.writeOut("HEAD".equals(request.getMethod()));
  }
}
