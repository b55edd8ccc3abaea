package io.larder.web.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.InstantSource;

/**
 * Django's {@code @never_cache} for the servlets it is mapped to: every response gets {@code
 * Expires} now (unless set) and {@code Cache-Control: max-age=0, no-cache, no-store,
 * must-revalidate, private}, merged with what the servlet set. A page cache never stores such a
 * response.
 *
 * <pre>{@code
 * context.addFilter("never", new NeverCacheFilter())
 *     .addMappingForUrlPatterns(null, false, "/account/*");
 * }</pre>
 *
 * @since 0.1
 */
public final class NeverCacheFilter implements Filter {
  private final ResponsePatch patch;

  /** Never-cache headers dated by the system clock. */
  public NeverCacheFilter() {
    this(InstantSource.system());
  }

  /**
   * Never-cache headers dated by {@code clock}.
   *
   * @param clock where "now" comes from, for {@code Expires}
   */
  public NeverCacheFilter(InstantSource clock) {
    this.patch = new ResponsePatch(response -> HttpCacheHeaders.neverCache(response, clock));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    patch.doFilter(request, response, chain);
  }
}
