package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;

/** An optional library a compressor needs, checked at start-up so its absence is explained. */
record CompressionLibrary(String className, String artifact) {
  static final CompressionLibrary LZ4 =
      new CompressionLibrary("net.jpountz.lz4.LZ4FrameOutputStream", "at.yawk.lz4:lz4-java");
  static final CompressionLibrary ZSTD =
      new CompressionLibrary(
          "com.github.luben.zstd.Zstd", "com.github.luben:zstd-jni");
  static final CompressionLibrary XZ =
      new CompressionLibrary("org.tukaani.xz.XZOutputStream", "org.tukaani:xz");

  /** Throws the settings error naming the artifact when the library is not on the class path. */
  void require(CacheSettings settings, String compressor) {
    try {
      Class.forName(className, false, CompressionLibrary.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw settings.bad(
          "compressor",
          compressor,
          "this compressor needs " + artifact + " on the class path (larder-formats declares it"
              + " optional: add it to your build)");
    }
  }

  /** {@code options.compress_min_length} if set, else the compressor's own default. */
  static int minLength(CacheSettings settings, int defaultLength) {
    return settings.options().containsKey(CommonOptions.COMPRESS_MIN_LENGTH.name())
        ? CommonOptions.COMPRESS_MIN_LENGTH.from(settings)
        : defaultLength;
  }
}
