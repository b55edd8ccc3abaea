package io.larder.memcached;

/**
 * MurmurHash3 x86 32-bit over a string as pymemcache computes it: one byte per code point (the code
 * point's low eight bits), so a non-ASCII key hashes as it does in a Django app.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of {@code text} with {@code seed}, as an unsigned 32-bit value. */
  static long hash32(String text, int seed) {
    int[] codePoints = text.codePoints().toArray();
    int length = codePoints.length;
    int h1 = seed;
    int roundedEnd = length & 0xfffffffc;
    for (int i = 0; i < roundedEnd; i += 4) {
      int k1 =
          (codePoints[i] & 0xff)
              | (codePoints[i + 1] & 0xff) << 8
              | (codePoints[i + 2] & 0xff) << 16
              | (codePoints[i + 3] & 0xff) << 24;
      h1 ^= mixK1(k1);
      h1 = Integer.rotateLeft(h1, 13);
      h1 = h1 * 5 + 0xe6546b64;
    }
    int k1 = 0;
    switch (length & 3) {
      case 3:
        k1 = (codePoints[roundedEnd + 2] & 0xff) << 16;
      // fall through
      case 2:
        k1 |= (codePoints[roundedEnd + 1] & 0xff) << 8;
      // fall through
      case 1:
        k1 |= codePoints[roundedEnd] & 0xff;
        h1 ^= mixK1(k1);
        break;
      default:
        break;
    }
    h1 ^= length;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1 & 0xffffffffL;
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * C2;
  }
}
