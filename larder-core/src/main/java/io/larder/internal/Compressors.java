package io.larder.internal;

import io.larder.CacheSettings;
import io.larder.compress.GzipCompressor;
import io.larder.compress.ZlibCompressor;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.CompressorProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the compressor a cache's {@code options.compressor} names: one built into core, one a
 * {@link CompressorProvider} on the class path offers, or a class name.
 */
final class Compressors {
  /** The compressors larder-formats provides, named so that their absence can be explained. */
  private static final Set<String> FORMATS =
      Set.of(
          "lz4",
          "zstd",
          "lzma",
          "django_redis.compressors.lz4.Lz4Compressor",
          "django_redis.compressors.zstd.ZStdCompressor",
          "django_redis.compressors.lzma.LzmaCompressor");

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
        break;
    }
    Map<String, CompressorProvider> providers = providers();
    CompressorProvider provider = providers.get(name);
    if (provider != null) {
      return provider.create(settings);
    }
    if (FORMATS.contains(name)) {
      throw CommonOptions.COMPRESSOR.invalid(
          settings,
          name,
          "this compressor needs the io.larder:larder-formats module on the class path");
    }
    Object named = Instances.create(name, settings, CacheSettings.class, settings);
    if (named instanceof Compressor compressor) {
      return compressor;
    }
    if (named instanceof CompressorProvider byClass) {
      return byClass.create(settings);
    }
    throw CommonOptions.COMPRESSOR.invalid(settings, name, accepted(providers));
  }

  private static String accepted(Map<String, CompressorProvider> providers) {
    Set<String> names = new LinkedHashSet<>(List.of("none", "zlib", "gzip"));
    providers.values().forEach(p -> names.add(p.name()));
    return String.join(", ", names)
        + (providers.containsKey("lz4") ? "" : " (lz4, zstd and lzma need larder-formats)")
        + ", django-redis's class paths for them, or the class name of a Compressor";
  }

  /** The installed providers, by name and by each alias. */
  private static Map<String, CompressorProvider> providers() {
    Map<String, CompressorProvider> byName = new TreeMap<>();
    for (CompressorProvider provider : ServiceLoader.load(CompressorProvider.class)) {
      byName.put(provider.name(), provider);
      provider.aliases().forEach(alias -> byName.put(alias, provider));
    }
    return byName;
  }
}
