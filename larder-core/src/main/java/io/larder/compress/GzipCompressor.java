package io.larder.compress;

import io.larder.CacheSettings;
import io.larder.SerializationException;
import io.larder.spi.Compressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * django-redis's {@code GzipCompressor} ({@code options.compressor: gzip}): gzip above a minimum
 * length, raw bytes at or below it; reading falls back to the raw bytes when they are not gzip, and
 * refuses a stream that inflates past {@code options.max_value_size}.
 *
 * @since 0.1
 */
public final class GzipCompressor implements Compressor {
  private final int minLength;
  private final int maxValueSize;

  /** Compresses values longer than {@code minLength} bytes; reads at most 64 MiB. */
  public GzipCompressor(int minLength) {
    this(minLength, CacheSettings.DEFAULT_MAX_VALUE_SIZE);
  }

  /** Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}. */
  public GzipCompressor(int minLength, int maxValueSize) {
    this.minLength = minLength;
    this.maxValueSize = maxValueSize;
  }

  @Override
  public byte[] compress(byte[] serialized) {
    if (serialized.length <= minLength) {
      return serialized;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, serialized.length / 2));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(serialized);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public byte[] decompress(byte[] stored) {
    if (stored.length < 2 || (stored[0] & 0xff) != 0x1f || (stored[1] & 0xff) != 0x8b) {
      return stored;
    }
    try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      BoundedOutput out = new BoundedOutput(Math.min(maxValueSize, stored.length * 3), maxValueSize);
      byte[] buffer = new byte[8192];
      for (int n; (n = gzip.read(buffer)) >= 0; ) {
        out.write(buffer, n);
      }
      return out.toByteArray();
    } catch (OversizedValueException e) {
      throw new SerializationException(e.getMessage(), e);
    } catch (IOException e) {
      return stored;
    }
  }
}
