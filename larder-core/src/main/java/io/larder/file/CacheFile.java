package io.larder.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Django's {@code .djcache} format: a pickled expiry (a float of epoch seconds, or {@code None} for
 * never) immediately followed by the zlib-compressed serialized value. Only the expiry record is
 * pickle; it is written as protocol 2 ({@code 80 02 47 <8 bytes> 2e} or {@code 80 02 4e 2e}),
 * which every Python 3 reads, and read in any protocol Django writes.
 */
final class CacheFile {
  /** The expiry value that means "never". */
  static final double NEVER = Double.POSITIVE_INFINITY;

  private static final byte PROTO = (byte) 0x80;
  private static final byte FRAME = (byte) 0x95;
  private static final byte BINFLOAT = 'G';
  private static final byte NONE = 'N';
  private static final byte BININT = 'J';
  private static final byte BININT1 = 'K';
  private static final byte BININT2 = 'M';
  private static final byte FLOAT = 'F';
  private static final byte INT = 'I';
  private static final byte STOP = '.';

  private CacheFile() {}

  /** The header of a file: when it expires, and where the compressed value starts. */
  record Header(double expiresAt, int valueOffset) {
    boolean isExpiredAt(double nowSeconds) {
      return expiresAt < nowSeconds;
    }
  }

  /** The expiry record for {@code expiresAtSeconds}, {@link #NEVER} giving {@code None}. */
  static byte[] expiryRecord(double expiresAtSeconds) {
    if (expiresAtSeconds == NEVER) {
      return new byte[] {PROTO, 2, NONE, STOP};
    }
    return ByteBuffer.allocate(12)
        .put(PROTO)
        .put((byte) 2)
        .put(BINFLOAT)
        .putDouble(expiresAtSeconds)
        .put(STOP)
        .array();
  }

  /** A whole file: the expiry record, then the already compressed value. */
  static byte[] content(double expiresAtSeconds, byte[] compressedValue) {
    byte[] record = expiryRecord(expiresAtSeconds);
    byte[] content = new byte[record.length + compressedValue.length];
    System.arraycopy(record, 0, content, 0, record.length);
    System.arraycopy(compressedValue, 0, content, record.length, compressedValue.length);
    return content;
  }

  /**
   * Reads the expiry record at the start of {@code content}.
   *
   * @throws CorruptCacheFileException if it is not one Django could have written
   */
  static Header header(byte[] content, int length) {
    Reader in = new Reader(content, length);
    if (in.peek() == PROTO) {
      in.skip(2);
    }
    if (in.peek() == FRAME) {
      in.skip(9);
    }
    byte op = in.next();
    double expiry =
        switch (op) {
          case BINFLOAT -> Double.longBitsToDouble(in.bigEndianLong());
          case NONE -> NEVER;
          case BININT -> in.littleEndian(4, true);
          case BININT1 -> in.littleEndian(1, false);
          case BININT2 -> in.littleEndian(2, false);
          case FLOAT, INT -> in.decimalLine();
          default -> throw new CorruptCacheFileException("unexpected pickle opcode " + (op & 0xff));
        };
    if (in.next() != STOP) {
      throw new CorruptCacheFileException("the expiry record is not a single value");
    }
    return new Header(expiry, in.position());
  }

  /** Bounds-checked reading of the expiry record. */
  private static final class Reader {
    private final byte[] bytes;
    private final int length;
    private int position;

    Reader(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    int position() {
      return position;
    }

    byte peek() {
      require(1);
      return bytes[position];
    }

    byte next() {
      require(1);
      return bytes[position++];
    }

    void skip(int n) {
      require(n);
      position += n;
    }

    long bigEndianLong() {
      require(8);
      long value = ByteBuffer.wrap(bytes, position, 8).getLong();
      position += 8;
      return value;
    }

    double littleEndian(int size, boolean signed) {
      require(size);
      long value = 0;
      for (int i = size - 1; i >= 0; i--) {
        value = (value << 8) | (bytes[position + i] & 0xff);
      }
      position += size;
      return signed && size == 4 ? (int) value : value;
    }

    double decimalLine() {
      int start = position;
      while (position < length && bytes[position] != '\n') {
        position++;
      }
      require(1);
      String text = new String(bytes, start, position - start, StandardCharsets.US_ASCII);
      position++;
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new CorruptCacheFileException("unreadable expiry '" + text + "'");
      }
    }

    private void require(int n) {
      if (position + n > length) {
        throw new CorruptCacheFileException("truncated expiry record");
      }
    }
  }
}
