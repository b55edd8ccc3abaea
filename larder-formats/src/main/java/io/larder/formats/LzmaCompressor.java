package io.larder.formats;

import io.larder.compress.StreamCompressor;
import java.io.IOException;
import java.io.InputStream;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * django-redis's {@code LzmaCompressor} ({@code options.compressor: lzma}): Python {@code lzma}'s
 * default {@code .xz} container (LZMA2, CRC64 check) at preset 4, as {@code lzma.compress(value,
 * preset=4)} writes and {@code lzma.decompress} reads it, for values longer than the minimum length
 * (django-redis's is 100 bytes for lzma). Needs {@code org.tukaani:xz}.
 *
 * <pre>{@code
 * Compressor lzma = new LzmaCompressor(100, settings.maxValueSize());
 * }</pre>
 *
 * @since 0.1
 */
public final class LzmaCompressor extends StreamCompressor {
  /** The {@code .xz} stream's magic bytes. */
  private static final byte[] MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0x00};

  /** django-redis's {@code LzmaCompressor.preset}. */
  private static final int PRESET = 4;

  /**
   * Memory a stream may make the reader allocate (its dictionary, named in its header), in KiB:
   * enough for presets up to 7 whatever the value's size, and the value's size beyond that.
   */
  private final int memoryLimitKiB;

  private final LZMA2Options options;

  /**
   * The encoder's and decoder's large buffers (megabytes at preset 4), kept for reuse across values
   * rather than allocated for each.
   */
  private static final ArrayCache ARRAYS = BasicArrayCache.getInstance();

  /**
   * Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}
   * decompressed bytes.
   *
   * @param minLength values of this many bytes or fewer are stored uncompressed, 0 or more ({@code
   *     options.compress_min_length}; 100 by default, as django-redis)
   * @param maxValueSize the most bytes a stored value may decompress to ({@code
   *     options.max_value_size}); a value that would exceed it is refused, not read
   */
  public LzmaCompressor(int minLength, int maxValueSize) {
    super(minLength, maxValueSize);
    this.memoryLimitKiB = Math.max(maxValueSize / 1024, 16 * 1024) + 1024;
    try {
      this.options = new LZMA2Options(PRESET);
    } catch (org.tukaani.xz.UnsupportedOptionsException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected boolean startsFrame(byte[] stored) {
    return Magic.starts(stored, MAGIC);
  }

  @Override
  protected byte[] frameOf(byte[] serialized) throws IOException {
    return written(serialized, out -> new XZOutputStream(out, options, ARRAYS));
  }

  @Override
  protected InputStream decompressing(InputStream in) throws IOException {
    return new XZInputStream(in, memoryLimitKiB, ARRAYS);
  }
}
