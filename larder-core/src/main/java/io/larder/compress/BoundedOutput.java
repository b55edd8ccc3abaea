package io.larder.compress;

import java.io.ByteArrayOutputStream;

/** Collects decompressed bytes and refuses to hold more than a limit. */
final class BoundedOutput {
  private final ByteArrayOutputStream bytes;
  private final int limit;

  BoundedOutput(int initialSize, int limit) {
    this.bytes = new ByteArrayOutputStream(Math.max(0, initialSize));
    this.limit = limit;
  }

  void write(byte[] buffer, int length) throws OversizedValueException {
    if (length > limit - bytes.size()) {
      throw new OversizedValueException(limit);
    }
    bytes.write(buffer, 0, length);
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
