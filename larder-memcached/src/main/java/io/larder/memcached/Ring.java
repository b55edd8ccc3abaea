package io.larder.memcached;

import java.util.List;

/**
 * Chooses the server of a key among the servers in service: the scheme every client of a pool must
 * share so that they look for a key in the same place.
 */
interface Ring {
  /**
   * The index in {@code servers} (as given when the ring was made) of the server for {@code key}.
   */
  int serverFor(String key);

  /** How a ring is made for a list of servers; {@code options.hashing}. */
  enum Hashing {
    /** libmemcached's weighted ketama continuum (pylibmc's {@code ketama_weighted}). */
    KETAMA {
      @Override
      Ring over(List<Server> servers) {
        return new KetamaRing(servers);
      }
    },
    /**
     * pymemcache's {@code HashClient}: rendezvous hashing on murmur3 (Django's PyMemcacheCache).
     */
    RENDEZVOUS {
      @Override
      Ring over(List<Server> servers) {
        return new RendezvousRing(servers);
      }
    };

    abstract Ring over(List<Server> servers);
  }
}
