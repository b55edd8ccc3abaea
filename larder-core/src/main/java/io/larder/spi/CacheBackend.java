package io.larder.spi;

import io.larder.CacheSettings;
import java.util.List;
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
 *   static final Option<Integer> REEL = Option.integer("reel", 1, 1, 99, "which reel to record on");
 *   public List<Option<?>> options() { return List.of(REEL); }
 *   public CacheStore create(StoreContext context) { return new TapeStore(context); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface CacheBackend {
  /**
   * The short name, e.g. {@code locmem}.
   *
   * @return the name {@code BACKEND} selects this backend by, in lower case
   */
  String name();

  /**
   * Other names that select this backend, e.g. Django's backend dotted paths.
   *
   * @return the other names; empty by default
   */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * The {@code options} this backend reads, beyond those every cache accepts, each declared once
   * where it is read. Any other option is refused at start-up, naming these.
   *
   * @return the backend's own options; empty by default
   */
  default List<Option<?>> options() {
    return List.of();
  }

  /**
   * True if this backend takes any option unchecked (a store named by class name, whose options
   * Larder cannot know). False by default.
   *
   * @return true if unknown options are accepted, false if they are refused
   */
  default boolean acceptsAnyOption() {
    return false;
  }

  /**
   * The other aliases a store of these settings is built on (a {@code chain}'s tiers), reached
   * through {@link StoreContext#cache}. {@code Caches} builds them first and refuses, naming the
   * alias, one that is not configured or a cache built on itself. None by default.
   *
   * @param settings the settings of the cache being built
   * @return the aliases, in the order they are built; empty by default
   * @throws io.larder.InvalidConfigurationException if the setting that names them is wrong
   */
  default List<String> builtOn(CacheSettings settings) {
    return List.of();
  }

  /**
   * A store for these settings. Settings are checked here, so a wrong one fails at start-up;
   * remote stores connect lazily.
   *
   * @param context the cache's settings, clock, serializer and the caches it is built on
   * @return a new store, which {@code Caches.close()} closes
   * @throws io.larder.InvalidConfigurationException if a setting is wrong
   */
  CacheStore create(StoreContext context);
}
