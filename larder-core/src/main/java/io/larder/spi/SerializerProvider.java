package io.larder.spi;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;

import java.util.Set;

/**
 * Makes a {@link Serializer} for a cache. Found by {@link java.util.ServiceLoader} and named in
 * configuration by {@link #name()} ({@code options.serializer: pickle}) or by class name.
 *
 * <pre>{@code
 * public final class JsonSerializerProvider implements SerializerProvider {
 *   public String name() { return "json"; }
 *   public Serializer create(CacheSettings settings) { return new JsonSerializer(); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface SerializerProvider {
  /**
   * The short name that selects this serializer.
   *
   * @return the name {@code options.serializer} selects it by, e.g. {@code json}
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
   * The {@code options} keys this serializer reads, so that configuration can reject typos.
   *
   * @return the option names, in lower case; empty by default
   */
  default Set<String> options() {
    return Set.of();
  }

  /**
   * A serializer for the cache with these settings.
   *
   * @param settings the settings of the cache the serializer is for
   * @return a serializer, shared by every thread of the cache
   * @throws InvalidConfigurationException if an option it reads is wrong
   */
  Serializer create(CacheSettings settings);
}
