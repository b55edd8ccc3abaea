package io.larder.web.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Django's {@code @vary_on_headers(...)} (and {@code @vary_on_cookie}, with {@code Cookie}) for the
 * servlets it is mapped to: adds the headers to each response's {@code Vary}, so the page cache
 * keeps one copy per value of each.
 *
 * <pre>{@code
 * context.addFilter("by-language", new VaryOnHeadersFilter("Accept-Language"))
 *     .addMappingForUrlPatterns(null, false, "/news/*");
 * }</pre>
 *
 * In web.xml the headers are the init-param {@code headers}, comma-separated.
 *
 * @since 0.1
 */
public final class VaryOnHeadersFilter implements Filter {
  private ResponsePatch patch;

  /** For web.xml: the headers are the init-param {@code headers}. */
  public VaryOnHeadersFilter() {}

  /**
   * A filter that adds {@code headers} to Vary.
   *
   * @param headers request header names, added in order
   */
  public VaryOnHeadersFilter(String... headers) {
    use(List.of(headers));
  }

  @Override
  public void init(FilterConfig config) {
    if (patch == null) {
      use(HeaderValues.split(config.getInitParameter("headers")));
    }
  }

  private void use(List<String> headers) {
    String[] names = headers.toArray(String[]::new);
    this.patch = new ResponsePatch(response -> HttpCacheHeaders.patchVary(response, names));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    patch.doFilter(request, response, chain);
  }
}
