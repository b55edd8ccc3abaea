package io.larder.web.pagecache;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The security filter chains of a servlet context that the page cache knows, and whether one that
 * covers a request has not run on it yet: then the page cache is mapped ahead of it, and a page it
 * answered or stored would skip the chain's access control.
 *
 * <p>Known is Spring Security: its {@code FilterChainProxy}, registered as itself or through the
 * {@code DelegatingFilterProxy} named {@code springSecurityFilterChain} (Spring Boot's and Spring
 * Security's own initialiser's name), which marks each request it handles with a request attribute
 * while the rest of the chain runs. A filter of the application's own is not known: map it before
 * the page cache ({@code docs/web.md}, "Filter order").
 */
final class SecurityChains {
  /** The request attribute Spring Security's {@code FilterChainProxy} sets while it runs. */
  static final String SPRING_SECURITY_APPLIED =
      "org.springframework.security.web.FilterChainProxy.APPLIED";

  private static final String SPRING_SECURITY_NAME = "springSecurityFilterChain";
  private static final String SPRING_SECURITY_CLASS =
      "org.springframework.security.web.FilterChainProxy";

  private static final SecurityChains NONE = new SecurityChains(List.of());

  /** One registered chain: its filter name and where it is mapped. */
  private record Chain(String name, Collection<String> urlPatterns, Collection<String> servlets) {
    boolean covers(HttpServletRequest request) {
      String path = pathInContext(request);
      for (String pattern : urlPatterns) {
        if (matches(pattern, path)) {
          return true;
        }
      }
      if (servlets.isEmpty()) {
        return false;
      }
      HttpServletMapping mapping = request.getHttpServletMapping();
      return mapping != null && servlets.contains(mapping.getServletName());
    }
  }

  private final List<Chain> chains;

  private SecurityChains(List<Chain> chains) {
    this.chains = chains;
  }

  /** No known chain: nothing is ever skipped (a servlet wrapped by the page cache, say). */
  static SecurityChains none() {
    return NONE;
  }

  /** The known chains registered in {@code context}. */
  static SecurityChains of(ServletContext context) {
    Map<String, ? extends FilterRegistration> registrations;
    try {
      registrations = context.getFilterRegistrations();
    } catch (UnsupportedOperationException e) {
      // A context that does not list its filters: none is known.
      return NONE;
    }
    List<Chain> chains = new ArrayList<>();
    for (FilterRegistration registration : registrations.values()) {
      if (SPRING_SECURITY_NAME.equals(registration.getName())
          || SPRING_SECURITY_CLASS.equals(registration.getClassName())) {
        chains.add(
            new Chain(
                registration.getName(),
                List.copyOf(registration.getUrlPatternMappings()),
                List.copyOf(registration.getServletNameMappings())));
      }
    }
    return chains.isEmpty() ? NONE : new SecurityChains(List.copyOf(chains));
  }

  /**
   * The name of a known chain that covers {@code request} and has not run on it yet (the caller is
   * mapped ahead of it), or null.
   */
  String skippedBy(HttpServletRequest request) {
    if (chains.isEmpty() || request.getAttribute(SPRING_SECURITY_APPLIED) != null) {
      return null;
    }
    for (Chain chain : chains) {
      if (chain.covers(request)) {
        return chain.name();
      }
    }
    return null;
  }

  private static String pathInContext(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
  }

  /** The Servlet specification's URL patterns (§12.2). */
  static boolean matches(String pattern, String path) {
    if (pattern.equals("/*") || pattern.equals("/")) {
      // "/" names the default servlet, which serves whatever no other mapping takes: counted as
      // every path, so that a chain mapped there is never taken for absent.
      return true;
    }
    if (pattern.isEmpty()) {
      return path.isEmpty() || path.equals("/");
    }
    if (pattern.startsWith("*.")) {
      return path.substring(path.lastIndexOf('/') + 1).endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      return path.equals(prefix) || path.startsWith(prefix + "/");
    }
    return pattern.equals(path);
  }
}
