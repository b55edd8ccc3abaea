package io.larder.memcached;

import java.util.List;

/**
 * Chooses the server of a key among the servers in service: the scheme every client of a pool must
 * share so that they look for a key in the same place.
 */
interface Ring {
  /**
   * The index among the live servers (as given when the ring was made) of the server for {@code
   * key}, or -1 if the scheme finds none in service.
   */
  int serverFor(String key);

  /** How a ring is made for a list of servers; {@code options.hashing}. */
  enum Hashing {
    /** libmemcached's weighted ketama continuum (pylibmc's {@code ketama_weighted}). */
    KETAMA {
      @Override
      Ring over(List<Server> all, List<Server> live, List<Integer> weights) {
        return new KetamaRing(live);
      }
    },
    /**
     * pymemcache's {@code HashClient}: rendezvous hashing on murmur3 (Django's PyMemcacheCache).
     */
    RENDEZVOUS {
      @Override
      Ring over(List<Server> all, List<Server> live, List<Integer> weights) {
        return new RendezvousRing(live);
      }
    },
    /**
     * python-memcached's CRC32 buckets with weights and its rehash past dead servers (Django's
     * MemcachedCache).
     */
    CRC32 {
      @Override
      Ring over(List<Server> all, List<Server> live, List<Integer> weights) {
        return new Crc32Ring(all, live, weights);
      }
    };

    /**
     * A ring over the {@code live} servers among {@code all} (in the order listed), weighted by
     * {@code weights} where the scheme knows weights.
     */
    abstract Ring over(List<Server> all, List<Server> live, List<Integer> weights);
  }
}
