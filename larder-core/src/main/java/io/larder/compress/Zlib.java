package io.larder.compress;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams (RFC 1950), byte-compatible with Python's {@code zlib.compress}/{@code decompress}.
 *
 * @since 0.1
 */
public final class Zlib {
  /** Python's default level. */
  public static final int DEFAULT_LEVEL = Deflater.DEFAULT_COMPRESSION;

  private Zlib() {}

  /**
   * A zlib stream of {@code data} at {@code level} (0–9, or -1 for the default).
   *
   * @param data the bytes to compress; not null
   * @param level the zlib level, 0 to 9, or -1 for zlib's default
   * @return the zlib stream, with its header and checksum
   */
  public static byte[] deflate(byte[] data, int level) {
    Deflater deflater = new Deflater(level);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The data of the complete zlib stream in {@code bytes[offset, offset + length)}.
   *
   * @param bytes holds the stream; not null
   * @param offset where the stream starts
   * @param length how many bytes it spans
   * @return the inflated data
   * @throws DataFormatException if those bytes are not one, or it is truncated
   */
  public static byte[] inflate(byte[] bytes, int offset, int length) throws DataFormatException {
    return inflate(bytes, offset, length, Integer.MAX_VALUE - 8);
  }

  /**
   * The data of the complete zlib stream in {@code bytes[offset, offset + length)}, refused once
   * it grows past {@code limit} bytes: a few kilobytes of zlib can claim gigabytes.
   *
   * @param bytes holds the stream; not null
   * @param offset where the stream starts
   * @param length how many bytes it spans
   * @param limit the most bytes the data may inflate to
   * @return the inflated data
   * @throws DataFormatException if those bytes are not one, it is truncated, or it inflates to
   *     more than {@code limit} bytes (then the message says so)
   */
  public static byte[] inflate(byte[] bytes, int offset, int length, int limit)
      throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, offset, length);
      return drain(inflater, limit, Math.min(limit, Math.max(64, length * 3)));
    } finally {
      inflater.end();
    }
  }

  private static byte[] drain(Inflater inflater, int limit, int initialSize)
      throws DataFormatException {
    BoundedOutput out = new BoundedOutput(initialSize, limit);
    byte[] buffer = new byte[8192];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("truncated zlib stream");
      }
      out.write(buffer, n);
    }
    return out.toByteArray();
  }
}
