package io.larder.spi;

import java.util.Set;

/**
 * A kind of cache store, found by {@link java.util.ServiceLoader}: a backend module on the class
 * path registers its backends, and {@code backend: redis} just works. Named in configuration by
 * {@link #name()}, by one of {@link #aliases()} (Django's dotted paths), or by class name.
 *
 * <pre>{@code
 * // META-INF/services/io.larder.spi.CacheBackend lists com.example.TapeBackend
 * public final class TapeBackend implements CacheBackend {
 *   public String name() { return "tape"; }
 *   public Set<String> options() { return Set.of("reel"); }
 *   public CacheStore create(StoreContext context) { return new TapeStore(context); }
 * }
 * }</pre>
 */
public interface CacheBackend {
  /** The short name, e.g. {@code locmem}. */
  String name();

  /** Other names that select this backend, e.g. Django's backend dotted paths. */
  default Set<String> aliases() {
    return Set.of();
  }

  /** The {@code options} keys this backend reads, beyond those every cache accepts. */
  default Set<String> options() {
    return Set.of();
  }

  /**
   * A store for these settings. Settings are checked here, so a wrong one fails at start-up;
   * remote stores connect lazily.
   *
   * @throws io.larder.InvalidConfigurationException if a setting is wrong
   */
  CacheStore create(StoreContext context);
}
