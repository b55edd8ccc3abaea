package io.larder.web.pagecache;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** A servlet behind a page cache: {@code cache_page(view)}, made by {@link PageCache#wrap}. */
final class CachedServlet implements Servlet {
  private final Servlet servlet;
  private final PageCacheFilter filter;

  CachedServlet(Servlet servlet, PageCacheFilter filter) {
    this.servlet = servlet;
    this.filter = filter;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    servlet.init(config);
  }

  @Override
  public ServletConfig getServletConfig() {
    return servlet.getServletConfig();
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    filter.doFilter(request, response, servlet::service);
  }

  @Override
  public String getServletInfo() {
    return servlet.getServletInfo();
  }

  @Override
  public void destroy() {
    servlet.destroy();
  }
}
