package io.larder.internal;

import io.larder.CacheSettings;
import io.larder.compress.GzipCompressor;
import io.larder.compress.ZlibCompressor;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;

/** Finds the compressor a cache's {@code options.compressor} names. */
final class Compressors {
  private static final String ACCEPTED =
      "none, zlib, gzip (or django-redis's class paths for them), or the class name of a"
          + " Compressor";

  private Compressors() {}

  static Compressor create(CacheSettings settings) {
    String name = CommonOptions.COMPRESSOR.from(settings);
    int minLength = CommonOptions.COMPRESS_MIN_LENGTH.from(settings);
    switch (name) {
      case "none":
      case "identity":
      case "django_redis.compressors.identity.IdentityCompressor":
        return Compressor.none();
      case "zlib":
      case "django_redis.compressors.zlib.ZlibCompressor":
        return new ZlibCompressor(
            minLength, CommonOptions.COMPRESS_LEVEL.from(settings), settings.maxValueSize());
      case "gzip":
      case "django_redis.compressors.gzip.GzipCompressor":
        return new GzipCompressor(minLength, settings.maxValueSize());
      default:
        if (Instances.create(name, settings, CacheSettings.class, settings) instanceof Compressor compressor) {
          return compressor;
        }
        throw settings.bad("compressor", name, ACCEPTED);
    }
  }
}
