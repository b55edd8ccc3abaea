package io.larder.spi;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import java.util.Set;

/**
 * Makes a {@link Compressor} for a cache. Found by {@link java.util.ServiceLoader} and named in
 * configuration by {@link #name()} ({@code options.compressor: lz4}) or by one of its {@link
 * #aliases()} (django-redis's class path, so a Django app's {@code OPTIONS} work as they are).
 *
 * <pre>{@code
 * public final class SnappyCompressorProvider implements CompressorProvider {
 *   public String name() { return "snappy"; }
 *   public Compressor create(CacheSettings settings) {
 *     return new SnappyCompressor(settings.maxValueSize());
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface CompressorProvider {
  /**
   * The short name that selects this compressor.
   *
   * @return the name {@code options.compressor} selects it by, e.g. {@code lz4}
   */
  String name();

  /**
   * Other names that select it, such as django-redis's class path for the same format.
   *
   * @return the other names; empty by default
   */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * A compressor for the cache with these settings.
   *
   * @param settings the settings of the cache the compressor is for
   * @return a compressor, shared by every thread of the cache
   * @throws InvalidConfigurationException if an option it reads is wrong, or a library it needs is
   *     not on the class path (the message names the artifact to add)
   */
  Compressor create(CacheSettings settings);
}
