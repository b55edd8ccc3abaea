package io.larder.formats;

import io.larder.compress.OversizedValueException;
import java.io.IOException;
import java.util.Arrays;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Reads an lz4 frame whose blocks are linked (a block's matches may reach into the blocks before
 * it), the form Python's {@code lz4.frame.compress} writes by default for values of more than one
 * block, and which lz4-java's frame reader refuses. The blocks are decoded into one buffer, so a
 * match into an earlier block is a match into earlier output. Every length and offset is checked
 * against the bytes at hand; the output is refused once it passes the limit.
 */
final class LinkedLz4Frame {
  private static final int MAGIC = 0x184D2204;
  private static final int VERSION_MASK = 0xc0;
  private static final int VERSION_01 = 0x40;
  static final int BLOCK_INDEPENDENCE = 0x20;
  private static final int BLOCK_CHECKSUM = 0x10;
  private static final int CONTENT_SIZE = 0x08;
  private static final int CONTENT_CHECKSUM = 0x04;
  private static final int DICTIONARY_ID = 0x01;
  private static final int UNCOMPRESSED = 0x80000000;
  private static final int MIN_MATCH = 4;

  private static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();

  private final byte[] src;
  private final int limit;
  private int sp;
  private byte[] out;
  private int dp;

  private LinkedLz4Frame(byte[] src, int limit) {
    this.src = src;
    this.limit = limit;
    this.out = new byte[Math.min(limit, Math.max(64, src.length * 3))];
  }

  /** True if {@code stored} is an lz4 frame whose descriptor says its blocks are linked. */
  static boolean isLinked(byte[] stored) {
    return stored.length > 4 && (stored[4] & BLOCK_INDEPENDENCE) == 0;
  }

  /**
   * The data of the single lz4 frame {@code stored}.
   *
   * @throws OversizedValueException if it passes {@code limit} bytes
   * @throws IOException if it is not one whole, well-formed frame
   */
  static byte[] decode(byte[] stored, int limit) throws IOException, OversizedValueException {
    return new LinkedLz4Frame(stored, limit).frame();
  }

  private byte[] frame() throws IOException, OversizedValueException {
    if (intAt(0) != MAGIC) {
      throw corrupt("no lz4 frame magic");
    }
    int descriptorStart = sp;
    int flags = byteAt();
    byteAt(); // BD: the largest block's size, which the bounds below make unnecessary
    if ((flags & VERSION_MASK) != VERSION_01 || (flags & DICTIONARY_ID) != 0) {
      throw corrupt("an lz4 frame version or dictionary this reader does not support");
    }
    long contentSize = -1;
    if ((flags & CONTENT_SIZE) != 0) {
      contentSize = (intAt(sp) & 0xffffffffL) | (long) intAt(sp) << 32;
    }
    int headerChecksum = byteAt();
    int expected = (XXHASH.hash(src, descriptorStart, sp - 1 - descriptorStart, 0) >> 8) & 0xff;
    if (headerChecksum != expected) {
      throw corrupt("lz4 frame descriptor checksum mismatch");
    }
    if (contentSize > limit) {
      throw new OversizedValueException(limit);
    }
    for (int size; (size = intAt(sp)) != 0; ) {
      int length = size & ~UNCOMPRESSED;
      require(length);
      int blockStart = sp;
      if ((size & UNCOMPRESSED) != 0) {
        append(src, sp, length);
        sp += length;
      } else {
        block(sp + length);
      }
      if ((flags & BLOCK_CHECKSUM) != 0 && intAt(sp) != XXHASH.hash(src, blockStart, length, 0)) {
        throw corrupt("lz4 block checksum mismatch");
      }
    }
    if ((flags & CONTENT_CHECKSUM) != 0 && intAt(sp) != XXHASH.hash(out, 0, dp, 0)) {
      throw corrupt("lz4 content checksum mismatch");
    }
    if (sp != src.length || (contentSize >= 0 && contentSize != dp)) {
      throw corrupt("lz4 frame length mismatch");
    }
    return Arrays.copyOf(out, dp);
  }

  /** One compressed block ending at {@code end}: sequences of literals then a match. */
  private void block(int end) throws IOException, OversizedValueException {
    while (true) {
      int token = byteAt();
      int literals = length(token >>> 4);
      if (literals > end - sp) {
        throw corrupt("lz4 literals run past their block");
      }
      append(src, sp, literals);
      sp += literals;
      if (sp == end) {
        return;
      }
      if (end - sp < 2) {
        throw corrupt("lz4 match offset runs past its block");
      }
      int offset = byteAt() | byteAt() << 8;
      if (offset == 0 || offset > dp) {
        throw corrupt("lz4 match before the start of the data");
      }
      int match = length(token & 0x0f) + MIN_MATCH;
      if (sp > end) {
        throw corrupt("lz4 sequence runs past its block");
      }
      ensure(match);
      // Byte by byte: a match may overlap the bytes it writes (a run).
      for (int from = dp - offset, i = 0; i < match; i++) {
        out[dp++] = out[from + i];
      }
    }
  }

  /** A 4-bit length, extended by bytes of 255 and a last byte below it when it is 15. */
  private int length(int nibble) throws IOException {
    long length = nibble;
    if (nibble == 15) {
      for (int b = 255; b == 255; ) {
        b = byteAt();
        length += b;
        if (length > Integer.MAX_VALUE - 8) {
          throw corrupt("lz4 length overflows");
        }
      }
    }
    return (int) length;
  }

  private void append(byte[] from, int offset, int length) throws OversizedValueException {
    ensure(length);
    System.arraycopy(from, offset, out, dp, length);
    dp += length;
  }

  private void ensure(int more) throws OversizedValueException {
    if (more > limit - dp) {
      throw new OversizedValueException(limit);
    }
    if (dp + more > out.length) {
      out = Arrays.copyOf(out, (int) Math.min(limit, Math.max(dp + (long) more, out.length * 2L)));
    }
  }

  private int byteAt() throws IOException {
    require(1);
    return src[sp++] & 0xff;
  }

  private int intAt(int at) throws IOException {
    sp = at;
    require(4);
    int value =
        (src[sp] & 0xff)
            | (src[sp + 1] & 0xff) << 8
            | (src[sp + 2] & 0xff) << 16
            | (src[sp + 3] & 0xff) << 24;
    sp += 4;
    return value;
  }

  private void require(int bytes) throws IOException {
    if (bytes > src.length - sp) {
      throw corrupt("truncated lz4 frame");
    }
  }

  private static IOException corrupt(String why) {
    return new IOException(why);
  }
}
