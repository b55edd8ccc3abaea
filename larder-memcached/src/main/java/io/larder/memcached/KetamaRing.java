package io.larder.memcached;

import io.larder.spi.Md5;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * libmemcached's weighted ketama continuum (pylibmc's {@code behaviors={"ketama_weighted": True}},
 * the classic last.fm ketama): each server gets 160 points, four from each MD5 of {@code "name-i"},
 * where the name is {@code host} on port 11211 and {@code host:port} otherwise. A key goes to the
 * first point at or after the first four bytes of its MD5, read little-endian.
 */
final class KetamaRing implements Ring {
  private static final int POINTS_PER_SERVER = 160;
  private static final int POINTS_PER_HASH = 4;
  private static final int INDEX_BITS = 31;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  /** Each point: its unsigned 32-bit hash above its server's index (31 bits), sorted. */
  private final long[] points;

  KetamaRing(List<Server> servers) {
    int count = servers.size();
    int perServer = pointsPerServer(count);
    points = new long[count * perServer];
    int next = 0;
    for (int index = 0; index < count; index++) {
      String name = servers.get(index).ketamaName();
      for (int i = 0; i < perServer / POINTS_PER_HASH; i++) {
        byte[] digest = Md5.of((name + "-" + i).getBytes(StandardCharsets.UTF_8));
        for (int h = 0; h < POINTS_PER_HASH; h++) {
          points[next++] = (littleEndian(digest, h * 4) << INDEX_BITS) | index;
        }
      }
    }
    // Ties between servers go to the earlier one in the list, as libmemcached sorts them.
    Arrays.sort(points);
  }

  /** libmemcached's float arithmetic for equal weights, kept exactly so the point count matches. */
  private static int pointsPerServer(int servers) {
    float share = 1f / servers;
    return (int) Math.floor(share * POINTS_PER_SERVER / 4 * servers + 0.0000000001F) * 4;
  }

  @Override
  public int serverFor(String key) {
    long hash = littleEndian(Md5.of(key.getBytes(StandardCharsets.UTF_8)), 0);
    int low = 0;
    int high = points.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if ((points[middle] >>> INDEX_BITS) < hash) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return (int) (points[low == points.length ? 0 : low] & INDEX_MASK);
  }

  private static long littleEndian(byte[] digest, int offset) {
    return (digest[offset] & 0xffL)
        | (digest[offset + 1] & 0xffL) << 8
        | (digest[offset + 2] & 0xffL) << 16
        | (digest[offset + 3] & 0xffL) << 24;
  }

}
