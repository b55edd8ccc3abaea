package io.larder.internal;

import io.larder.CacheSettings;
import io.larder.compress.GzipCompressor;
import io.larder.compress.ZlibCompressor;
import io.larder.spi.Compressor;
import java.util.Set;
import java.util.zip.Deflater;

/** Finds the compressor a cache's {@code options.compressor} names. */
final class Compressors {
  static final Set<String> OPTIONS = Set.of("compressor", "compress_min_length", "compress_level");
  private static final String ACCEPTED =
      "none, zlib, gzip (or django-redis's class paths for them), or the class name of a"
          + " Compressor";

  private Compressors() {}

  static Compressor create(CacheSettings settings) {
    String name = settings.stringOption("compressor", "none");
    int minLength = settings.intOption("compress_min_length", 15, 0, Integer.MAX_VALUE);
    switch (name) {
      case "none":
      case "identity":
      case "django_redis.compressors.identity.IdentityCompressor":
        return Compressor.none();
      case "zlib":
      case "django_redis.compressors.zlib.ZlibCompressor":
        return new ZlibCompressor(
            minLength, settings.intOption("compress_level", 6, Deflater.DEFAULT_COMPRESSION, 9));
      case "gzip":
      case "django_redis.compressors.gzip.GzipCompressor":
        return new GzipCompressor(minLength);
      default:
        if (Instances.create(name, settings, CacheSettings.class, settings) instanceof Compressor compressor) {
          return compressor;
        }
        throw settings.bad("compressor", name, ACCEPTED);
    }
  }
}
