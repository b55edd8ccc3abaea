package io.larder.hazelcast;

import io.larder.KeyFunction;

/**
 * The key function for Hazelcast's memcache endpoint (the route from memcached to Hazelcast):
 * Django's {@code prefix:version:key} with {@code :} and the characters that endpoint decodes
 * escaped, so that a made key holds no colon. The endpoint reads the text before a key's first
 * {@code :} as a map name, URL-decodes keys first ({@code %3A} is a colon to it, {@code +} a
 * space), and after an {@code incr} answers a {@code get} under the key without that map name,
 * which Django's pymemcache rejects with {@code KeyError}. The escape is {@code ~} and two hex
 * digits: {@code ~} as {@code ~7E}, {@code :} as {@code ~3A}, {@code %} as {@code ~25}, {@code +}
 * as {@code ~2B}, so that distinct keys stay distinct.
 *
 * <p>A Django app sharing the endpoint uses the same function, shipped beside this class as {@code
 * larder_hazelcast_keys.py} (docs/hazelcast.md):
 *
 * <pre>{@code
 * caches:
 *   default:
 *     backend: django.core.cache.backends.memcached.PyMemcacheCache
 *     location: 10.0.0.1:5701
 *     key_function: io.larder.hazelcast.MemcacheEndpointKeys
 *     options: { serializer: pickle }
 * }</pre>
 *
 * @since 0.1
 */
public final class MemcacheEndpointKeys implements KeyFunction {
  @Override
  public String makeKey(String key, String keyPrefix, int version) {
    String made = keyPrefix + ":" + version + ":" + key;
    StringBuilder escaped = new StringBuilder(made.length() + 8);
    for (int i = 0; i < made.length(); i++) {
      char c = made.charAt(i);
      switch (c) {
        case '~' -> escaped.append("~7E");
        case ':' -> escaped.append("~3A");
        case '%' -> escaped.append("~25");
        case '+' -> escaped.append("~2B");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
