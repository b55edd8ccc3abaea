package io.larder.memcached;

import java.util.List;

/**
 * pymemcache's {@code HashClient} (Django's PyMemcacheCache): highest random weight hashing. Every
 * server scores {@code murmur3("host:port-key")}; the highest score wins, and a tie goes to the
 * lexicographically larger {@code host:port}.
 */
final class RendezvousRing implements Ring {
  private final String[] names;

  RendezvousRing(List<Server> servers) {
    names = servers.stream().map(Server::nodeName).toArray(String[]::new);
  }

  @Override
  public int serverFor(String key) {
    int winner = -1;
    long highScore = -1;
    for (int i = 0; i < names.length; i++) {
      long score = Murmur3.hash32(names[i] + "-" + key, 0);
      if (score > highScore || (score == highScore && names[i].compareTo(names[winner]) > 0)) {
        highScore = score;
        winner = i;
      }
    }
    return winner;
  }
}
