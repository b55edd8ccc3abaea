package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.CompressorProvider;
import java.util.Set;

/**
 * {@code options.compressor: lz4} (or django-redis's {@code django_redis.compressors.lz4.Lz4Compressor}): the {@link Lz4Compressor}, which
 * needs the optional {@code at.yawk.lz4:lz4-java} library.
 *
 * @since 0.1
 */
public final class Lz4CompressorProvider implements CompressorProvider {
  @Override
  public String name() {
    return "lz4";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.compressors.lz4.Lz4Compressor");
  }

  @Override
  public Compressor create(CacheSettings settings) {
    FormatLibrary.LZ4.require(
        settings, CommonOptions.COMPRESSOR, CommonOptions.COMPRESSOR.from(settings));
    return new Lz4Compressor(FormatLibrary.minLength(settings, 15), settings.maxValueSize());
  }
}
