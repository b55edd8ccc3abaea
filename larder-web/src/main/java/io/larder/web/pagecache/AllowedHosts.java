package io.larder.web.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Django's {@code ALLOWED_HOSTS}: the hosts a page may be cached for. A pattern is a host matched
 * exactly ({@code www.example.com}, {@code 127.0.0.1}, {@code [::1]}), a domain and all its
 * subdomains ({@code .example.com}), or {@code *}, any host; case, the port and a trailing dot of
 * the request's host do not matter, and a host that is no valid host name matches nothing. The
 * host is the request's {@code Host} header (the server's name when it has none), the one its page
 * key is made of. With no patterns every host is allowed, as before Larder knew the setting.
 *
 * <p>A host a pattern names exactly is <em>named</em>: its plain pages do not count against its
 * path's cap on variants ({@link PathVariants}), since no client can make up more such hosts.
 */
final class AllowedHosts {
  /** Django's {@code host_validation_re}. */
  private static final Pattern HOST =
      Pattern.compile("([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:\\d+)?");

  private static final AllowedHosts ANY = new AllowedHosts(List.of());

  private final List<String> patterns;

  private AllowedHosts(List<String> patterns) {
    this.patterns = patterns;
  }

  /** Every host allowed, none named: no setting. */
  static AllowedHosts any() {
    return ANY;
  }

  /**
   * The hosts {@code patterns} allow.
   *
   * @throws IllegalArgumentException naming the setting when a pattern is empty or holds a space,
   *     a comma or a slash (a list or a URL given where a host belongs)
   */
  static AllowedHosts of(List<String> patterns) {
    List<String> lower = new ArrayList<>();
    for (String pattern : patterns) {
      if (pattern == null || pattern.isBlank() || pattern.matches(".*[\\s,/].*")) {
        throw new IllegalArgumentException(
            "allowedHosts: '"
                + pattern
                + "' is not a host pattern; accepted: a host (www.example.com, 127.0.0.1,"
                + " [::1]), a domain and its subdomains (.example.com), or *");
      }
      lower.add(pattern.toLowerCase(Locale.ROOT));
    }
    return lower.isEmpty() ? ANY : new AllowedHosts(List.copyOf(lower));
  }

  /** True if {@code request}'s host is allowed. */
  boolean allows(HttpServletRequest request) {
    return patterns.isEmpty() || allows(host(request));
  }

  /** True if the host {@code host} (a {@code Host} header's value) is allowed. */
  boolean allows(String host) {
    if (patterns.isEmpty()) {
      return true;
    }
    String domain = domain(host);
    if (domain == null) {
      return false;
    }
    for (String pattern : patterns) {
      if (pattern.equals("*")
          || pattern.equals(domain)
          || (pattern.charAt(0) == '.'
              && (domain.endsWith(pattern) || domain.equals(pattern.substring(1))))) {
        return true;
      }
    }
    return false;
  }

  /** True if a pattern names {@code request}'s host exactly (not through a wildcard). */
  boolean names(HttpServletRequest request) {
    return !patterns.isEmpty() && names(host(request));
  }

  /** True if a pattern names the host {@code host} exactly (not through a wildcard). */
  boolean names(String host) {
    String domain = domain(host);
    if (domain == null) {
      return false;
    }
    for (String pattern : patterns) {
      if (pattern.equals(domain)
          || (pattern.charAt(0) == '.' && domain.equals(pattern.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  /** The host the page key is made of: the Host header, else the server's name. */
  static String host(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return host == null || host.isEmpty() ? request.getServerName() : host;
  }

  /**
   * Django's {@code split_domain_port}: the lower-case domain of {@code host} without its port and
   * trailing dot, or null when it is no valid host.
   */
  static String domain(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (!HOST.matcher(lower).matches()) {
      return null;
    }
    if (lower.endsWith("]")) {
      return lower;
    }
    int colon = lower.lastIndexOf(':');
    String domain = colon < 0 ? lower : lower.substring(0, colon);
    domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    return domain.isEmpty() ? null : domain;
  }
}
