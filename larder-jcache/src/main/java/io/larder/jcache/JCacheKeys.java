package io.larder.jcache;

import io.larder.ObjectKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;

/**
 * The string a JCache key is stored under: its {@link ObjectKeys} form, and for a {@link
 * Serializable} key whose class keeps {@link Object#toString()} (Hibernate's {@code QueryKey}),
 * {@code <simple class name>#<SHA-256 of its Java serialization, in hex>}, the same in every JVM
 * that has the same class. A key that is neither is refused, as {@link ObjectKeys} refuses it.
 *
 * <p>Equal keys whose serializations differ (a hashing collection inside, filled in another order)
 * are two entries: a miss, never another key's value.
 */
final class JCacheKeys {
  private JCacheKeys() {}

  /**
   * The stored form of {@code key}.
   *
   * @throws IllegalArgumentException for a key that has no stable string form
   */
  static String of(Object key) {
    return ObjectKeys.of(key, JCacheKeys::digested);
  }

  /** The digest form, as the one element of a composite; null for a key ObjectKeys formats. */
  private static Object[] digested(Object key) {
    if (!(key instanceof Serializable)
        || key.getClass().isArray()
        || key instanceof Collection<?>
        || key instanceof Map<?, ?>
        || overridesToString(key.getClass())) {
      return null;
    }
    return new Object[] {key.getClass().getSimpleName() + "#" + sha256(key)};
  }

  private static String sha256(Object key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "A cache key of " + key.getClass().getName() + " has no toString() and cannot be"
              + " serialized for its digest form (" + e + ")",
          e);
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(bytes.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static boolean overridesToString(Class<?> type) {
    try {
      return type.getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
