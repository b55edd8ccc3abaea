package io.larder.spring;

/**
 * What {@link LarderCacheManager#getCache(String)} does with a name that is not a configured alias.
 *
 * @since 0.1
 */
public enum UnknownCaches {
  /**
   * Answer null, as Spring's contract says for a cache that does not exist: {@code @Cacheable} on
   * such a name fails with Spring's "Cannot find cache named" error. The default: a typo in a cache
   * name is found at the first call, not hidden in a cache nobody configured.
   */
  REFUSE,

  /**
   * Make the cache from the template alias: the template's backend, location, timeout, version,
   * key function and options, with {@code <template key_prefix>:<name>} (or {@code <name>} when the
   * template has none) as its key prefix, so its keys never meet the template's.
   */
  CREATE_FROM_TEMPLATE
}
