package io.larder.web.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Django's {@code @cache_control(...)} for the servlets it is mapped to: merges its directives into
 * each response's {@code Cache-Control} with {@link
 * HttpCacheHeaders#patchCacheControl(jakarta.servlet.http.HttpServletResponse, CacheDirectives)}.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>public-hour</filter-name>
 *   <filter-class>io.larder.web.headers.CacheControlFilter</filter-class>
 *   <init-param>
 *     <param-name>directives</param-name><param-value>public, max-age=3600</param-value>
 *   </init-param>
 * </filter>
 * }</pre>
 *
 * or {@code new CacheControlFilter(CacheDirectives.none().publicCache().maxAge(3600))}.
 *
 * @since 0.1
 */
public final class CacheControlFilter implements Filter {
  private ResponsePatch patch;

  /** For web.xml: the directives are the init-param {@code directives} (may be empty). */
  public CacheControlFilter() {}

  /**
   * A filter that merges {@code directives}.
   *
   * @param directives merged into every response's {@code Cache-Control}; not null
   */
  public CacheControlFilter(CacheDirectives directives) {
    use(Objects.requireNonNull(directives, "directives"));
  }

  @Override
  public void init(FilterConfig config) {
    if (patch == null) {
      String value = config.getInitParameter("directives");
      use(CacheDirectives.parse(value == null ? "" : value));
    }
  }

  private void use(CacheDirectives directives) {
    this.patch =
        new ResponsePatch(response -> HttpCacheHeaders.patchCacheControl(response, directives));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    patch.doFilter(request, response, chain);
  }
}
