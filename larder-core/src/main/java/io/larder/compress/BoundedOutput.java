package io.larder.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Collects decompressed bytes and refuses to hold more than a limit. */
final class BoundedOutput {
  private final ByteArrayOutputStream bytes;
  private final int limit;

  BoundedOutput(int initialSize, int limit) {
    this.bytes = new ByteArrayOutputStream(Math.max(0, initialSize));
    this.limit = limit;
  }

  /** All of {@code in}, refused as soon as it passes {@code limit} bytes. */
  static byte[] readAll(InputStream in, int initialSize, int limit)
      throws IOException, OversizedValueException {
    BoundedOutput out = new BoundedOutput(initialSize, limit);
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, n);
    }
    return out.toByteArray();
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
