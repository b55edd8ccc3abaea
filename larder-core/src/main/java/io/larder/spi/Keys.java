package io.larder.spi;

/**
 * The key maker of one cache handle: its key function, prefix and version, and the validation the
 * engine applies. Given to a store's {@link CacheStore#extension extensions} so that their
 * operations on callers' keys use the handle's version.
 *
 * <pre>{@code
 * String made = keys.make("user:42");          // ":1:user:42" with Django's key function
 * }</pre>
 *
 * @since 0.1
 */
public interface Keys {
  /**
   * The validated key stored for the caller's {@code key}.
   *
   * @param key the caller's key
   * @return the key made by the cache's key function, at {@link #version()}
   * @throws io.larder.InvalidCacheKeyException if the key is null, or invalid where the store
   *     rejects invalid keys
   */
  String make(String key);

  /**
   * The version these keys are made at.
   *
   * @return the version of the handle that asked
   */
  int version();
}
