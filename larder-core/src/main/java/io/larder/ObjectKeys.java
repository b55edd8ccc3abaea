package io.larder;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The string an object key is stored under, before the cache's key function adds {@code
 * key_prefix} and version: a string key is itself, so an object-keyed API over Larder (Spring's
 * cache abstraction, JCache) stores under the key Django's {@code cache.set("user:42", …)} does.
 *
 * <pre>{@code
 * ObjectKeys.of("user:42");             // "user:42"
 * ObjectKeys.of(42L);                   // "42"  (Python's str(42))
 * ObjectKeys.of(true);                  // "True"
 * ObjectKeys.of(List.of("books", 7));   // "books,7"
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
 *       Date}: its instant in UTC, to the millisecond ({@code 2026-12-07T23:03:16.123Z}), not its
 *       {@code toString()}, which drops the milliseconds and depends on the zone. {@link
 *       Double}, {@link Float}, {@link Character}, {@link java.util.UUID}, {@link java.time} values
 *       and records: {@code toString()} (for a float, Java's form: {@code 1.0E16} where Python
 *       writes {@code 1e+16}).
 *   <li>Arrays and collections: their elements' forms joined by {@code ,}, with {@code \} and
 *       {@code ,} inside an element escaped by a {@code \}, so {@code ["a,b"]} and {@code ["a",
 *       "b"]} stay apart. A {@link Map}: its entries as {@code key=value}, joined the same way, in
 *       the map's order.
 *   <li>Any other object: its own {@code toString()}. A class that does not override {@code
 *       toString()} is refused with an {@link IllegalArgumentException}: its identity string would
 *       make a new key on every call, and the cache would never hit.
 * </ul>
 *
 * @since 0.1
 */
public final class ObjectKeys {
  private static final Function<Object, Object[]> NO_COMPOSITES = key -> null;

  private ObjectKeys() {}

  /**
   * The stored form of an object key.
   *
   * @param key a string, number, boolean, enum, date, array, collection, map, record or other
   *     object with its own {@code toString()}; null gives {@code None}
   * @return the key's stored form
   * @throws IllegalArgumentException for an object whose class keeps {@link Object#toString()}
   */
  public static String of(Object key) {
    return of(key, NO_COMPOSITES);
  }

  /**
   * The stored form of an object key, where {@code composites} gives the elements of a key type
   * this class does not know (Spring's {@code SimpleKey}), joined as a collection's are, or null
   * for any other object. It is asked at every level, so such a key nested in a list is joined too.
   *
   * @param key as for {@link #of(Object)}
   * @param composites the elements of a composite key type, or null when the object is not one; not
   *     null itself
   * @return the key's stored form
   * @throws IllegalArgumentException for an object whose class keeps {@link Object#toString()}
   */
  public static String of(Object key, Function<Object, Object[]> composites) {
    if (key instanceof String s) {
      return s;
    }
    return scalar(key, composites);
  }

  private static String scalar(Object key, Function<Object, Object[]> composites) {
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
    if (key instanceof Date date) {
      return Instant.ofEpochMilli(date.getTime()).toString();
    }
    Object[] elements = composites.apply(key);
    if (elements != null) {
      return joined(elements, composites);
    }
    if (key instanceof Object[] array) {
      return joined(array, composites);
    }
    if (key.getClass().isArray()) {
      return joined(boxed(key), composites);
    }
    if (key instanceof Collection<?> collection) {
      return joined(collection.toArray(), composites);
    }
    if (key instanceof Map<?, ?> map) {
      StringJoiner joined = new StringJoiner(",");
      map.forEach(
          (k, v) ->
              joined.add(
                  escaped(scalar(k, composites)) + "=" + escaped(scalar(v, composites))));
      return joined.toString();
    }
    if (!overridesToString(key.getClass())) {
      throw new IllegalArgumentException(
          "A cache key of "
              + key.getClass().getName()
              + " has no stable string form: the class does not override toString(). Give it a"
              + " toString(), or use a key that has one (a String, a number, a record)");
    }
    return key.toString();
  }

  private static String joined(Object[] elements, Function<Object, Object[]> composites) {
    StringJoiner joined = new StringJoiner(",");
    for (Object element : elements) {
      joined.add(escaped(scalar(element, composites)));
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
    Object[] boxed = new Object[Array.getLength(array)];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = Array.get(array, i);
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
}
