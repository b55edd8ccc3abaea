package io.larder.compress;

import io.larder.spi.Compressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * django-redis's {@code GzipCompressor} ({@code options.compressor: gzip}): gzip above a minimum
 * length, raw bytes at or below it; reading falls back to the raw bytes when they are not gzip.
 */
public final class GzipCompressor implements Compressor {
  private final int minLength;

  /** Compresses values longer than {@code minLength} bytes. */
  public GzipCompressor(int minLength) {
    this.minLength = minLength;
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
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      return stored;
    }
  }
}
