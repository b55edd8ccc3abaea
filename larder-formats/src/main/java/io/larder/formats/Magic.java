package io.larder.formats;

/** A format's magic number at the start of stored bytes. */
final class Magic {
  private Magic() {}

  static boolean starts(byte[] stored, byte[] magic) {
    if (stored.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (stored[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
