package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.KeyFunction;

/**
 * Glob patterns over a cache's keys, as django-redis's {@code make_pattern} makes them, and the way
 * back from a stored key to the caller's key.
 */
final class KeyPatterns {
  private final KeyFunction keyFunction;
  private final String keyPrefix;
  private final int version;
  private final String clearPattern;

  KeyPatterns(CacheSettings settings) {
    this.keyFunction = settings.keyFunction();
    this.keyPrefix = settings.keyPrefix();
    this.version = settings.version();
    this.clearPattern = clearPattern(keyFunction, keyPrefix);
  }

  /** The stored keys' pattern for a pattern over the caller's keys at the configured version. */
  String pattern(String callerPattern) {
    return keyFunction.makeKey(callerPattern, globEscape(keyPrefix), version);
  }

  /**
   * The caller's key for a stored key matched by {@link #pattern}: what follows the key function's
   * head ({@code prefix:version:} for Django's), or the stored key when the function puts the
   * caller's key elsewhere.
   */
  String callerKey(String storedKey) {
    String head = keyFunction.makeKey("", keyPrefix, version);
    return storedKey.startsWith(head) ? storedKey.substring(head.length()) : storedKey;
  }

  /**
   * The pattern of every key of this cache's prefix, of every version, for {@code clear}: the head
   * that keys of all versions share ({@code prefix:*} for Django's key function). Null without a
   * prefix, when {@code clear} flushes the database.
   */
  String clearPattern() {
    return clearPattern;
  }

  private static String clearPattern(KeyFunction keyFunction, String keyPrefix) {
    if (keyPrefix.isEmpty()) {
      return null;
    }
    String one = keyFunction.makeKey("", keyPrefix, 1);
    String two = keyFunction.makeKey("", keyPrefix, 2);
    int common = 0;
    while (common < Math.min(one.length(), two.length())
        && one.charAt(common) == two.charAt(common)) {
      common++;
    }
    String head = one.substring(0, common);
    return head.contains(keyPrefix) ? globEscape(head) + "*" : "*" + globEscape(keyPrefix) + "*";
  }

  /** django-redis's {@code glob_escape}: {@code *}, {@code ?} and {@code [} match themselves. */
  static String globEscape(String text) {
    return text.replaceAll("([*?\\[])", "[$1]");
  }
}
