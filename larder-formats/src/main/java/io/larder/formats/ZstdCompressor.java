package io.larder.formats;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.larder.compress.StreamCompressor;
import java.io.IOException;
import java.io.InputStream;

/**
 * django-redis's {@code ZStdCompressor} ({@code options.compressor: zstd}): a zstd frame at zstd's
 * default level 3, as Python's {@code pyzstd.compress} (and {@code zstandard}) write and read it,
 * for values longer than the minimum length. Needs {@code com.github.luben:zstd-jni}.
 *
 * <pre>{@code
 * Compressor zstd = new ZstdCompressor(15, settings.maxValueSize());
 * }</pre>
 *
 * @since 0.1
 */
public final class ZstdCompressor extends StreamCompressor {
  /** The frame's magic number, 0xFD2FB528, as it is stored (little-endian). */
  private static final byte[] MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private static final int LEVEL = 3;

  /**
   * The largest window a frame may ask the reader to allocate: a frame's header names its window,
   * so without a cap a few bytes could claim 2 GB. The window a compressor chooses is at most the
   * value's size rounded up to a power of two, and 2 MB at zstd's usual levels, so this reads what
   * any compressor writes for a value within {@code max_value_size}.
   */
  private final int windowLogMax;

  /**
   * Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}
   * decompressed bytes.
   *
   * @param minLength values of this many bytes or fewer are stored uncompressed, 0 or more ({@code
   *     options.compress_min_length}; 15 by default, as django-redis)
   * @param maxValueSize the most bytes a stored value may decompress to ({@code
   *     options.max_value_size}); a value that would exceed it is refused, not read
   */
  public ZstdCompressor(int minLength, int maxValueSize) {
    super(minLength, maxValueSize);
    int valueLog = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxValueSize - 1));
    this.windowLogMax = Math.min(27, Math.max(21, valueLog));
  }

  @Override
  protected boolean startsFrame(byte[] stored) {
    return Magic.starts(stored, MAGIC);
  }

  @Override
  protected byte[] frameOf(byte[] serialized) {
    // One-shot, so the frame's header holds the content size, as pyzstd.compress writes it.
    return Zstd.compress(serialized, LEVEL);
  }

  @Override
  protected InputStream decompressing(InputStream in) throws IOException {
    return new ZstdInputStreamNoFinalizer(in).setLongMax(windowLogMax);
  }
}
