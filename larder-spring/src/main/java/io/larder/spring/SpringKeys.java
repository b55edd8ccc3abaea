package io.larder.spring;

import io.larder.ObjectKeys;
import java.lang.reflect.Field;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * The string a Spring cache key is stored under, before the cache's key function adds {@code
 * key_prefix} and version: a plain string key is itself, so {@code @Cacheable(key = "'user:42'")}
 * stores under the key Django's {@code cache.set("user:42", …)} does.
 *
 * <pre>{@code
 * SpringKeys.of("user:42");                          // "user:42"
 * SpringKeys.of(42L);                                 // "42"  (Python's str(42))
 * SpringKeys.of(true);                                // "True"
 * SpringKeys.of(new SimpleKey("books", 7));           // "books,7"
 * SpringKeys.of(new SimpleKey());                     // ""
 * }</pre>
 *
 * <p>The form is {@link ObjectKeys}'s, stable across JVMs and releases, with one addition: a
 * {@link SimpleKey} (Spring's key for a method of several or no parameters) is its parameters
 * joined by {@code ,} as a collection's elements are, so {@code ("a,b")} and {@code ("a", "b")}
 * stay apart. A class that does not override {@code toString()} is refused with an {@link
 * IllegalArgumentException}: its identity string would make a new key on every call, and the cache
 * would never hit.
 *
 * <p>The key is then checked by the cache as any Larder key is (memcached's rules: at most 250
 * characters with the prefix and version, no spaces or control characters, a warning or an error
 * as the backend requires). Use a {@code key} expression or a {@link
 * org.springframework.cache.interceptor.KeyGenerator} for keys that need another form.
 *
 * @since 0.1
 */
public final class SpringKeys {
  private static final Field SIMPLE_KEY_PARAMS = simpleKeyParams();

  private SpringKeys() {}

  /**
   * The stored form of a Spring cache key.
   *
   * @param key a Spring cache key: a string, a {@code SimpleKey} or any object with its own
   *     {@code toString()}
   * @return the string the key is stored under
   * @throws IllegalArgumentException for an object whose class keeps {@link Object#toString()}
   */
  public static String of(Object key) {
    try {
      return ObjectKeys.of(key, k -> k instanceof SimpleKey simple ? params(simple) : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage() + ", or name the key with a key expression such as"
              + " @Cacheable(key = \"#book.isbn\")",
          e);
    }
  }

  /**
   * Spring keeps a {@link SimpleKey}'s parameters private and prints them with {@code toString()}
   * ({@code SimpleKey [a,b]}, with spaces memcached rejects); they are read once here instead.
   */
  private static Object[] params(SimpleKey key) {
    try {
      return (Object[]) SIMPLE_KEY_PARAMS.get(key);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("SimpleKey.params became unreadable", e);
    }
  }

  private static Field simpleKeyParams() {
    try {
      Field params = SimpleKey.class.getDeclaredField("params");
      params.setAccessible(true);
      return params;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(
          "This Spring version's SimpleKey has no 'params' field; Larder supports Spring 6.1+");
    }
  }
}
