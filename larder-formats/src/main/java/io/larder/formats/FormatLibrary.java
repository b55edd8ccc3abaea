package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;

/** An optional library a format needs, checked at start-up so its absence is explained. */
record FormatLibrary(String className, String artifact) {
  static final FormatLibrary LZ4 =
      new FormatLibrary("net.jpountz.lz4.LZ4FrameOutputStream", "at.yawk.lz4:lz4-java");
  static final FormatLibrary ZSTD =
      new FormatLibrary(
          "com.github.luben.zstd.Zstd", "com.github.luben:zstd-jni");
  static final FormatLibrary XZ =
      new FormatLibrary("org.tukaani.xz.XZOutputStream", "org.tukaani:xz");
  static final FormatLibrary MSGPACK =
      new FormatLibrary("org.msgpack.core.MessagePack", "org.msgpack:msgpack-core");
  static final FormatLibrary JACKSON =
      new FormatLibrary(
          "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core:jackson-databind");
  static final FormatLibrary JACKSON_JAVA_TIME =
      new FormatLibrary(
          "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
          "com.fasterxml.jackson.datatype:jackson-datatype-jsr310");

  /** Throws the settings error naming the artifact when the library is not on the class path. */
  void require(CacheSettings settings, Option<String> option, String value) {
    try {
      Class.forName(className, false, FormatLibrary.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw option.invalid(
          settings,
          value,
          "this " + option.name() + " needs " + artifact + " on the class path (larder-formats declares it"
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
