package io.larder.memcached;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * python-memcached's server choice (Django's {@code MemcachedCache}, Django 3.2 and earlier): each
 * server fills {@code weight} buckets, in the order listed, and a key goes to bucket {@code
 * cmemcache_hash(key) % buckets}, where {@code cmemcache_hash} is {@code ((crc32(key) >> 16) &
 * 0x7fff) or 1} over the key's UTF-8 bytes.
 *
 * <p>The buckets are over every server, dead or alive. When the chosen server is dead,
 * python-memcached rehashes {@code str(hash) + str(i)} for {@code i} in 0 to 9 and takes the first
 * live server found that way; after ten dead ones it gives up (its {@code get} misses, its {@code
 * set} stores nothing), and so does this ring ({@link #serverFor} answers -1).
 */
final class Crc32Ring implements Ring {
  /** python-memcached's {@code Client._SERVER_RETRIES}. */
  private static final int TRIES = 10;

  /** For each bucket, the server's index among the live servers, or -1 if it is dead. */
  private final int[] buckets;

  /**
   * @param all every server of the pool, in the order listed
   * @param live the servers in service, a subset of {@code all}
   * @param weights each server's weight, in the order of {@code all}
   */
  Crc32Ring(List<Server> all, List<Server> live, List<Integer> weights) {
    buckets =
        IntStream.range(0, all.size())
            .flatMap(i -> IntStream.generate(() -> live.indexOf(all.get(i))).limit(weights.get(i)))
            .toArray();
  }

  @Override
  public int serverFor(String key) {
    long hash = hash(key.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < TRIES; i++) {
      int server = buckets[(int) (hash % buckets.length)];
      if (server >= 0) {
        return server;
      }
      hash = hash((hash + Integer.toString(i)).getBytes(StandardCharsets.US_ASCII));
    }
    return -1;
  }

  /** python-memcached's {@code cmemcache_hash}: 1 to 32767. */
  static long hash(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    long hash = (crc.getValue() >> 16) & 0x7fff;
    return hash == 0 ? 1 : hash;
  }
}
