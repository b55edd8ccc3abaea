package io.larder.web;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/** A filter's name and init-params over a running site's real servlet context. */
public record FilterConfigStub(String name, Map<String, String> params, TestSite site)
    implements FilterConfig {
  @Override
  public String getFilterName() {
    return name;
  }

  @Override
  public ServletContext getServletContext() {
    return site.servletContext();
  }

  @Override
  public String getInitParameter(String param) {
    return params.get(param);
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    return Collections.enumeration(params.keySet());
  }
}
