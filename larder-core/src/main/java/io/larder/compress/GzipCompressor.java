package io.larder.compress;

import io.larder.CacheSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * django-redis's {@code GzipCompressor} ({@code options.compressor: gzip}): gzip above a minimum
 * length, raw bytes at or below it; reading falls back to the raw bytes when they are not gzip, and
 * refuses a stream that inflates past {@code options.max_value_size}.
 *
 * @since 0.1
 */
public final class GzipCompressor extends StreamCompressor {
  /**
   * Compresses values longer than {@code minLength} bytes; reads at most 64 MiB.
   *
   * @param minLength values of at most this many bytes are stored uncompressed
   */
  public GzipCompressor(int minLength) {
    this(minLength, CacheSettings.DEFAULT_MAX_VALUE_SIZE);
  }

  /**
   * Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}.
   *
   * @param minLength values of at most this many bytes are stored uncompressed
   * @param maxValueSize the most decompressed bytes a read accepts
   */
  public GzipCompressor(int minLength, int maxValueSize) {
    super(minLength, maxValueSize);
  }

  @Override
  protected boolean startsFrame(byte[] stored) {
    return stored.length >= 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
  }

  @Override
  protected byte[] frameOf(byte[] serialized) throws IOException {
    return written(serialized, GZIPOutputStream::new);
  }

  @Override
  protected InputStream decompressing(InputStream in) throws IOException {
    return new GZIPInputStream(in);
  }
}
