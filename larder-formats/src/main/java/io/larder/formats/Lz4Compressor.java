package io.larder.formats;

import io.larder.compress.OversizedValueException;
import io.larder.compress.StreamCompressor;
import java.io.IOException;
import java.io.InputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * django-redis's {@code Lz4Compressor} ({@code options.compressor: lz4}): an lz4 frame, as Python's
 * {@code lz4.frame.compress} writes and reads it, for values longer than the minimum length. Needs
 * {@code at.yawk.lz4:lz4-java}. Frames of independent blocks (what this writes, and what Python
 * writes for a value of one block) are read by lz4-java; frames of linked blocks (Python's default
 * for longer values, which lz4-java refuses) by {@link LinkedLz4Frame}.
 *
 * <pre>{@code
 * Compressor lz4 = new Lz4Compressor(15, settings.maxValueSize());
 * }</pre>
 *
 * @since 0.1
 */
public final class Lz4Compressor extends StreamCompressor {
  /** The frame's magic number, 0x184D2204, as it is stored (little-endian). */
  private static final byte[] MAGIC = {0x04, 0x22, 0x4d, 0x18};

  /**
   * Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}
   * decompressed bytes.
   *
   * @param minLength values of this many bytes or fewer are stored uncompressed, 0 or more ({@code
   *     options.compress_min_length}; 15 by default, as django-redis)
   * @param maxValueSize the most bytes a stored value may decompress to ({@code
   *     options.max_value_size}); a value that would exceed it is refused, not read
   */
  public Lz4Compressor(int minLength, int maxValueSize) {
    super(minLength, maxValueSize);
  }

  @Override
  protected boolean startsFrame(byte[] stored) {
    return Magic.starts(stored, MAGIC);
  }

  @Override
  protected byte[] frameOf(byte[] serialized) throws IOException {
    // 64 KB blocks and the content size in the header, as Python's lz4.frame.compress writes.
    return written(
        serialized,
        out ->
            new LZ4FrameOutputStream(
                out,
                LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                serialized.length,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE));
  }

  @Override
  protected byte[] decompressFrame(byte[] stored) throws IOException, OversizedValueException {
    return LinkedLz4Frame.isLinked(stored)
        ? LinkedLz4Frame.decode(stored, maxValueSize())
        : super.decompressFrame(stored);
  }

  @Override
  protected InputStream decompressing(InputStream in) throws IOException {
    return new LZ4FrameInputStream(in);
  }
}
