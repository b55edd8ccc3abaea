package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.CompressorProvider;
import java.util.Set;

/**
 * {@code options.compressor: zstd} (or django-redis's {@code django_redis.compressors.zstd.ZStdCompressor}): the {@link ZstdCompressor}, which
 * needs the optional {@code com.github.luben:zstd-jni} library.
 *
 * @since 0.1
 */
public final class ZstdCompressorProvider implements CompressorProvider {
  @Override
  public String name() {
    return "zstd";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.compressors.zstd.ZStdCompressor");
  }

  @Override
  public Compressor create(CacheSettings settings) {
    FormatLibrary.ZSTD.require(
        settings, CommonOptions.COMPRESSOR, CommonOptions.COMPRESSOR.from(settings));
    return new ZstdCompressor(FormatLibrary.minLength(settings, 15), settings.maxValueSize());
  }
}
