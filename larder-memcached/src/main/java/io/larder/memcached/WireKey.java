package io.larder.memcached;

import io.larder.InvalidCacheKeyException;

/**
 * memcached's key limit in bytes. Django counts a key's characters, but the server counts its UTF-8
 * bytes, so a key of fewer than 250 characters of non-ASCII text can still be too long; such a key
 * is refused here, before it reaches the wire, like every other invalid key.
 */
final class WireKey {
  static final int MAX_BYTES = 250;

  private WireKey() {}

  /**
   * {@code madeKey}, checked.
   *
   * @throws InvalidCacheKeyException if its UTF-8 form is longer than 250 bytes
   */
  static String check(String madeKey) {
    // Three bytes per char at most (a surrogate pair is four for two), so short keys pass at once.
    if (madeKey.length() * 3 > MAX_BYTES && utf8Length(madeKey) > MAX_BYTES) {
      throw new InvalidCacheKeyException(
          "Cache key will cause errors if used with memcached: '"
              + madeKey
              + "' (longer than "
              + MAX_BYTES
              + " bytes in UTF-8)");
    }
    return madeKey;
  }

  private static int utf8Length(String key) {
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
