package io.larder.hazelcast;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** One {@code host:port} of {@code location}; the port defaults to Hazelcast's 5701. */
record MemberAddress(String host, int port) {
  static final int DEFAULT_PORT = 5701;

  private static final String ACCEPTED =
      "member addresses as host:port, separated by commas (e.g. 10.0.0.1:5701,10.0.0.2:5701);"
          + " [::1]:5701 for IPv6; the port defaults to 5701";

  /** The addresses of {@code location}, split by Django's rules; empty if none is set. */
  static List<MemberAddress> parseAll(CacheSettings settings) {
    List<MemberAddress> addresses = new ArrayList<>();
    for (String item : settings.locations()) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        addresses.add(parse(settings, trimmed));
      }
    }
    return List.copyOf(addresses);
  }

  private static MemberAddress parse(CacheSettings settings, String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw bad(settings, text);
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw bad(settings, text);
      }
      port = rest.isEmpty() ? null : rest.substring(1);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0 && text.indexOf(':') != colon) {
        throw bad(settings, text); // an IPv6 address must be bracketed to carry a port
      }
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    if (host.isBlank() || host.contains("/") || host.contains(" ")) {
      throw bad(settings, text);
    }
    if (port == null) {
      return new MemberAddress(host, DEFAULT_PORT);
    }
    try {
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65_535) {
        throw bad(settings, text);
      }
      return new MemberAddress(host, number);
    } catch (NumberFormatException e) {
      throw bad(settings, text);
    }
  }

  private static InvalidConfigurationException bad(CacheSettings settings, String text) {
    return InvalidConfigurationException.badSetting(settings.alias(), "location", text, ACCEPTED);
  }

  /** True if this is a loopback address, so that a member Larder starts binds to loopback only. */
  boolean isLoopback() {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literals: a host name is not looked up for this.
      return (host.matches("[0-9.]+") || host.contains(":"))
          && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
