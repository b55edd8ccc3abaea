package io.larder.memcached;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import java.net.InetSocketAddress;

/**
 * One server of a pool, as {@code location} names it: {@code host:port}, {@code host} (port 11211),
 * or {@code [::1]:11211}. The names the hashing schemes use are derived from the text as written,
 * never from DNS, so every client of the pool computes the same ones.
 */
record Server(String host, int port) {
  static final int DEFAULT_PORT = 11211;
  private static final String ACCEPTED =
      "host:port servers (host alone means port 11211; [::1]:11211 for IPv6), as a list or a"
          + " string separated by commas or semicolons; unix sockets are not supported";

  /** Parses one entry of {@code location}. */
  static Server parse(CacheSettings settings, String spec) {
    String text = spec.trim();
    if (text.isEmpty() || text.startsWith("unix:") || text.startsWith("/")) {
      throw bad(settings, spec);
    }
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw bad(settings, spec);
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(settings, spec);
        }
        port = rest.substring(1);
      }
    } else if (text.indexOf(':') >= 0) {
      if (text.indexOf(':') != text.lastIndexOf(':')) {
        throw bad(settings, spec);
      }
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw bad(settings, spec);
    }
    if (port == null) {
      return new Server(host, DEFAULT_PORT);
    }
    try {
      int number = Integer.parseInt(port);
      if (number >= 1 && number <= 65535) {
        return new Server(host, number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(settings, spec);
  }

  private static InvalidConfigurationException bad(CacheSettings settings, String spec) {
    return InvalidConfigurationException.badSetting(
        settings.alias(),
        "location",
        settings.location().isEmpty() ? spec : settings.location(),
        ACCEPTED);
  }

  /** pymemcache's node name, {@code host:port} with the port always written. */
  String nodeName() {
    return host + ":" + port;
  }

  /** libmemcached's continuum name: {@code host} on the default port, else {@code host:port}. */
  String ketamaName() {
    return port == DEFAULT_PORT ? host : host + ":" + port;
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
