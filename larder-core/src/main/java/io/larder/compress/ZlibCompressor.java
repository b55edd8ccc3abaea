package io.larder.compress;

import io.larder.spi.Compressor;
import java.util.zip.DataFormatException;

/**
 * django-redis's {@code ZlibCompressor} ({@code options.compressor: zlib}): zlib above a minimum
 * length, raw bytes at or below it; reading falls back to the raw bytes when they are not zlib.
 */
public final class ZlibCompressor implements Compressor {
  private final int minLength;
  private final int level;

  /** Compresses values longer than {@code minLength} bytes at {@code level}. */
  public ZlibCompressor(int minLength, int level) {
    this.minLength = minLength;
    this.level = level;
  }

  @Override
  public byte[] compress(byte[] serialized) {
    return serialized.length > minLength ? Zlib.deflate(serialized, level) : serialized;
  }

  @Override
  public byte[] decompress(byte[] stored) {
    try {
      return Zlib.inflate(stored, 0, stored.length);
    } catch (DataFormatException e) {
      return stored;
    }
  }
}
