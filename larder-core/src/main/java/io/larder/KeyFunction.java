package io.larder;

/**
 * Makes the key a backend stores from the caller's key, the cache's {@code key_prefix} and a
 * version: Django's {@code KEY_FUNCTION}.
 *
 * <p>Named in configuration by class name (the class needs a public no-argument constructor) or
 * passed to the builder as a lambda:
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .cache("default", c -> c.backend("locmem")
 *         .keyFunction((key, prefix, version) -> "CUSTOM-" + prefix + "-" + version + "-" + key))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface KeyFunction {
  /**
   * Returns the key to store under. The result is validated by memcached's rules afterwards.
   *
   * @return the key to store under; not null
   * @param key the caller's key, never null
   * @param keyPrefix the cache's {@code key_prefix}, empty when unset
   * @param version the version the call uses
   */
  String makeKey(String key, String keyPrefix, int version);

  /**
   * Django's default: {@code prefix:version:key}, so {@code "foo"} becomes {@code ":1:foo"}.
   *
   * @return the function Django's {@code default_key_func} is
   */
  static KeyFunction django() {
    return DjangoKeyFunction.INSTANCE;
  }
}
