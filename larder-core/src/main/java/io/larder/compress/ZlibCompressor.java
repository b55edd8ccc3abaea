package io.larder.compress;

import io.larder.CacheSettings;
import io.larder.SerializationException;
import io.larder.spi.Compressor;
import java.util.zip.DataFormatException;

/**
 * django-redis's {@code ZlibCompressor} ({@code options.compressor: zlib}): zlib above a minimum
 * length, raw bytes at or below it; reading falls back to the raw bytes when they are not zlib, and
 * refuses a stream that inflates past {@code options.max_value_size}.
 *
 * @since 0.1
 */
public final class ZlibCompressor implements Compressor {
  private final int minLength;
  private final int level;
  private final int maxValueSize;

  /**
   * Compresses values longer than {@code minLength} bytes at {@code level}; reads at most 64 MiB.
   *
   * @param minLength values of at most this many bytes are stored uncompressed
   * @param level the zlib level, 0 to 9, or -1 for zlib's default
   */
  public ZlibCompressor(int minLength, int level) {
    this(minLength, level, CacheSettings.DEFAULT_MAX_VALUE_SIZE);
  }

  /**
   * Compresses values longer than {@code minLength} bytes at {@code level}; reads at most {@code
   * maxValueSize} inflated bytes.
   *
   * @param minLength values of at most this many bytes are stored uncompressed
   * @param level the zlib level, 0 to 9, or -1 for zlib's default
   * @param maxValueSize the most decompressed bytes a read accepts
   */
  public ZlibCompressor(int minLength, int level, int maxValueSize) {
    this.minLength = minLength;
    this.level = level;
    this.maxValueSize = maxValueSize;
  }

  @Override
  public byte[] compress(byte[] serialized) {
    return serialized.length > minLength ? Zlib.deflate(serialized, level) : serialized;
  }

  @Override
  public byte[] decompress(byte[] stored) {
    try {
      return Zlib.inflate(stored, 0, stored.length, maxValueSize);
    } catch (OversizedValueException e) {
      throw new SerializationException(e.getMessage(), e);
    } catch (DataFormatException e) {
      return stored;
    }
  }
}
