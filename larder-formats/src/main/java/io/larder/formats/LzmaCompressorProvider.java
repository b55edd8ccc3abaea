package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.CompressorProvider;
import java.util.Set;

/**
 * {@code options.compressor: lzma} (or django-redis's {@code django_redis.compressors.lzma.LzmaCompressor}): the {@link LzmaCompressor}, which
 * needs the optional {@code org.tukaani:xz} library.
 *
 * @since 0.1
 */
public final class LzmaCompressorProvider implements CompressorProvider {
  @Override
  public String name() {
    return "lzma";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.compressors.lzma.LzmaCompressor");
  }

  @Override
  public Compressor create(CacheSettings settings) {
    FormatLibrary.XZ.require(
        settings, CommonOptions.COMPRESSOR, CommonOptions.COMPRESSOR.from(settings));
    return new LzmaCompressor(FormatLibrary.minLength(settings, 100), settings.maxValueSize());
  }
}
