package io.larder.memcached;

import io.larder.testsupport.MemcachedServer;
import java.util.List;
import java.util.stream.Collectors;

/** The same test servers as a cache location and as the ring's server list. */
final class Pools {
  private Pools() {}

  /** {@code 127.0.0.1:p1,127.0.0.1:p2,...} */
  static String location(List<MemcachedServer> servers) {
    return servers.stream().map(MemcachedServer::address).collect(Collectors.joining(","));
  }

  /** The servers as a ring names them, in the same order. */
  static List<Server> asServers(List<MemcachedServer> servers) {
    return servers.stream().map(s -> new Server("127.0.0.1", s.port())).toList();
  }
}
