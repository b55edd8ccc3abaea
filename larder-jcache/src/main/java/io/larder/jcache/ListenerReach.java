package io.larder.jcache;

import io.larder.spi.CommonOptions;

/**
 * Whether an entry listener of a cache hears every change of its entries, or only this process's,
 * and the refusal of listeners that would hear only this process's on a store other processes
 * share, unless the cache's {@code jcache_local_listeners} option accepts that.
 *
 * <p>A local-memory store is this process's alone: its listeners hear every change. On a store
 * with channels (Redis) other processes' changes arrive as the stored key ({@link SharedEvents}),
 * which is the caller's key only for {@code String} and {@code Object} keys. Any other shared store
 * (memcached, a database, a directory) carries no events between processes.
 */
final class ListenerReach {
  private ListenerReach() {}

  /**
   * Refuses a listener on {@code cacheName} unless it hears every process's changes, or the
   * cache's options accept local delivery.
   *
   * @param shared the store's shared events, or null if it has none
   * @param optionsAlias the alias of larder.yml where the cache's options are set
   * @throws UnsupportedOperationException naming the cache, the backend and the option
   */
  static void require(
      String cacheName,
      io.larder.Cache larder,
      SharedEvents shared,
      Class<?> keyType,
      String optionsAlias) {
    String gap = gap(larder, shared, keyType);
    if (gap == null || CommonOptions.JCACHE_LOCAL_LISTENERS.from(larder.settings())) {
      return;
    }
    throw new UnsupportedOperationException(
        "Cache '" + cacheName + "' has an entry listener, which would hear only this process's"
            + " changes: " + gap + ". Set options." + CommonOptions.JCACHE_LOCAL_LISTENERS.name()
            + ": true on the alias '" + optionsAlias
            + "' to accept listeners that hear this process's changes only");
  }

  /** Why other processes' changes do not reach a listener here, or null if they do. */
  private static String gap(io.larder.Cache larder, SharedEvents shared, Class<?> keyType) {
    if (LarderJCacheManager.isLocalMemory(larder)) {
      return null;
    }
    String backend = "the " + larder.settings().backend() + " backend";
    if (shared == null) {
      return backend + " carries no entry events between the processes that share it";
    }
    if (keyType != String.class && keyType != Object.class) {
      return backend + " carries other processes' events as the stored key, which is the key"
          + " itself only for String or Object keys, not " + keyType.getName();
    }
    return null;
  }
}
