package io.larder.spring;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
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
 * <p>The form is stable across JVMs and releases:
 *
 * <ul>
 *   <li>{@link CharSequence}: itself. Integers ({@code int}, {@code long}, {@code short}, {@code
 *       byte}, {@link BigInteger}): decimal. {@link Boolean}: {@code True}/{@code False}. {@code
 *       null}: {@code None}. So a key Python would format with {@code str()} is the same text on
 *       both sides.
 *   <li>{@link BigDecimal}: {@link BigDecimal#toPlainString()}. {@link Enum}: its name. {@link
 *       Double}, {@link Float}, {@link Character}, {@link java.util.UUID}, {@link java.time} values
 *       and records: {@code toString()} (for a float, Java's form: {@code 1.0E16} where Python
 *       writes {@code 1e+16}).
 *   <li>{@link SimpleKey} (Spring's key for a method of several or no parameters), arrays and
 *       collections: their elements' forms joined by {@code ,}, with {@code \} and {@code ,} inside
 *       an element escaped by a {@code \}, so {@code ("a,b")} and {@code ("a", "b")} stay apart. A
 *       {@link Map}: its entries as {@code key=value}, joined the same way, in the map's order.
 *   <li>Any other object: its own {@code toString()}. A class that does not override {@code
 *       toString()} is refused with an {@link IllegalArgumentException}: its identity string would
 *       make a new key on every call, and the cache would never hit.
 * </ul>
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
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof SimpleKey simple) {
      return joined(params(simple));
    }
    return scalar(key);
  }

  private static String scalar(Object key) {
    if (key == null) {
      return "None";
    }
    if (key instanceof CharSequence text) {
      return text.toString();
    }
    if (key instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (key instanceof Integer
        || key instanceof Long
        || key instanceof Short
        || key instanceof Byte
        || key instanceof BigInteger) {
      return key.toString();
    }
    if (key instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (key instanceof Enum<?> e) {
      return e.name();
    }
    if (key instanceof SimpleKey simple) {
      return joined(params(simple));
    }
    if (key instanceof Object[] array) {
      return joined(array);
    }
    if (key.getClass().isArray()) {
      return joined(boxed(key));
    }
    if (key instanceof Collection<?> collection) {
      return joined(collection.toArray());
    }
    if (key instanceof Map<?, ?> map) {
      StringJoiner joined = new StringJoiner(",");
      map.forEach((k, v) -> joined.add(escaped(scalar(k)) + "=" + escaped(scalar(v))));
      return joined.toString();
    }
    if (!overridesToString(key.getClass())) {
      throw new IllegalArgumentException(
          "A cache key of "
              + key.getClass().getName()
              + " has no stable string form: the class does not override toString(). Give it a"
              + " toString(), or name the key with a key expression such as"
              + " @Cacheable(key = \"#book.isbn\")");
    }
    return key.toString();
  }

  private static String joined(Object[] elements) {
    StringJoiner joined = new StringJoiner(",");
    for (Object element : elements) {
      joined.add(escaped(scalar(element)));
    }
    return joined.toString();
  }

  private static String escaped(String element) {
    if (element.indexOf('\\') < 0 && element.indexOf(',') < 0) {
      return element;
    }
    return element.replace("\\", "\\\\").replace(",", "\\,");
  }

  private static Object[] boxed(Object array) {
    Object[] boxed = new Object[java.lang.reflect.Array.getLength(array)];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = java.lang.reflect.Array.get(array, i);
    }
    return boxed;
  }

  private static boolean overridesToString(Class<?> type) {
    try {
      Method toString = type.getMethod("toString");
      return toString.getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
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
