package io.larder.memcached;

import io.larder.BackendRefusedException;
import io.larder.InvalidCacheKeyException;

/**
 * Hazelcast's memcache endpoint: a Hazelcast member with its memcache text protocol on, which
 * answers {@code version} with {@code VERSION Hazelcast}. It speaks most of memcached's protocol,
 * and what it does differently either misanswers or closes the connection, so it is refused here,
 * before anything reaches the wire, with the way out named (docs/hazelcast.md, "The memcache
 * route"). Found on a Hazelcast 5.7 member:
 *
 * <ul>
 *   <li>it reads the text before a key's first {@code :} as a map name, and after an {@code incr}
 *       answers a {@code get} under the key without it ({@code VALUE 1:i} for {@code :1:i}), which
 *       xmemcached cannot match to its request and drops the connection over. It also URL-decodes
 *       keys, so with {@code %} or {@code +} two keys can be one entry and answered under the other
 *       one's name. Django's made keys all hold colons: {@code io.larder.hazelcast.MemcacheEndpointKeys}
 *       escapes exactly these characters.
 *   <li>{@code flush_all} closes the connection and empties nothing;
 *   <li>{@code gets} answers without a CAS token and {@code cas} closes the connection.
 * </ul>
 */
final class HazelcastEndpoint {
  private static final String KEY_FUNCTION = "io.larder.hazelcast.MemcacheEndpointKeys";

  private HazelcastEndpoint() {}

  /** True for the answer to {@code version} of Hazelcast's endpoint. */
  static boolean answeredVersion(String version) {
    return version != null && version.strip().startsWith("Hazelcast");
  }

  /**
   * {@code madeKey}, if the endpoint stores and answers it under its own name.
   *
   * @throws InvalidCacheKeyException if it holds {@code :}, {@code %} or {@code +}
   */
  static void checkKey(String alias, Server server, String madeKey) {
    for (int i = 0; i < madeKey.length(); i++) {
      char c = madeKey.charAt(i);
      if (c == ':' || c == '%' || c == '+') {
        throw new InvalidCacheKeyException(
            "Cache '"
                + alias
                + "': memcached server "
                + server
                + " is Hazelcast's memcache endpoint, which reads a key's ':' as a map separator"
                + " and URL-decodes '%' and '+', so it would answer '"
                + madeKey
                + "' under another key; set key_function: "
                + KEY_FUNCTION
                + " (module larder-hazelcast), and the same function in the Django app that"
                + " shares it (docs/hazelcast.md, \"The memcache route\")");
      }
    }
  }

  /** The refusal of {@code clear}, sent to none of the pool's servers. */
  static BackendRefusedException noFlushAll(String alias, Server server) {
    return new BackendRefusedException(
        "Cache '"
            + alias
            + "': clear emptied nothing: memcached server "
            + server
            + " is Hazelcast's memcache endpoint, which has no flush_all (it closes the"
            + " connection). Change the cache's version or key_prefix to drop what it holds, or"
            + " empty its map (hz_memcache_default) through Hazelcast");
  }

  /** The refusal of an {@code incr} that memcached's own counter cannot do. */
  static BackendRefusedException noCompareAndSwap(String alias, Server server, String key) {
    return new BackendRefusedException(
        "Cache '"
            + alias
            + "': cannot incr/decr '"
            + key
            + "' on memcached server "
            + server
            + ": its value is no counter memcached can count (negative, or beyond 64 bits), and"
            + " Hazelcast's memcache endpoint has no gets/cas to count it otherwise; the value is"
            + " unchanged");
  }
}
