package io.larder.formats;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import io.larder.SerializationException;
import java.util.List;
import java.util.Set;

/**
 * The classes {@code json_typed} may write and read, decided by name alone, so that a stored value
 * naming any other class never loads it: the JDK's value and collection classes listed here, and
 * the packages of {@code options.serializer_allow} (a package allows its subpackages, as for the
 * {@code java} serializer). Unlike the {@code java} serializer, whole JDK packages are not allowed:
 * Jackson builds objects through constructors and setters, and {@code java.lang} and {@code
 * java.util} hold classes that act when built ({@code ProcessBuilder}, {@code Timer}).
 */
final class TypeAllowList extends PolymorphicTypeValidator.Base {
  private static final long serialVersionUID = 1L;

  private static final Set<String> JDK_CLASSES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.ArrayDeque",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.UUID",
          "java.util.Date",
          "java.util.Locale",
          "java.util.Currency");
  /** The JDK's unmodifiable collections ({@code List.of}, {@code Collections.unmodifiableMap}). */
  private static final List<String> JDK_COLLECTION_PREFIXES =
      List.of("java.util.ImmutableCollections$", "java.util.Collections$", "java.util.Arrays$");
  /** {@code java.time}'s values hold no behaviour beyond their own. */
  private static final String JAVA_TIME = "java.time";

  private final String alias;
  private final List<String> packages;

  TypeAllowList(String alias, List<String> packages) {
    this.alias = alias;
    this.packages = List.copyOf(packages);
  }

  /**
   * Whether a type id may be written or read: a class name, an array of one ({@code
   * [Lcom.example.Order;}, {@code [B}), or a generic form ({@code java.util.EnumSet<com.example.Color>})
   * whose every name is allowed.
   */
  boolean permits(String typeId) {
    for (String name : typeId.split("[<>,\\s]+")) {
      if (!name.isEmpty() && !permitsClass(name)) {
        return false;
      }
    }
    return true;
  }

  private boolean permitsClass(String name) {
    String element = name;
    while (element.startsWith("[")) {
      element = element.substring(1);
    }
    if (element.length() != name.length()) {
      if (element.length() == 1) {
        return "ZBCSIJFD".contains(element); // an array of a primitive
      }
      if (!element.startsWith("L") || !element.endsWith(";")) {
        return false;
      }
      element = element.substring(1, element.length() - 1);
    }
    if (JDK_CLASSES.contains(element) || inPackage(element, JAVA_TIME)) {
      return true;
    }
    for (String prefix : JDK_COLLECTION_PREFIXES) {
      if (element.startsWith(prefix)) {
        return true;
      }
    }
    for (String allowed : packages) {
      if (inPackage(element, allowed)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inPackage(String className, String packageName) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    return pkg.equals(packageName) || pkg.startsWith(packageName + ".");
  }

  /** The error for a value that names a class outside the list: a corrupt value, so a miss. */
  SerializationException refusedRead(String typeId) {
    return new SerializationException(
        "Cache '" + alias + "': refusing to read a stored " + typeId + " (options.serializer:"
            + " json_typed): " + notAllowed());
  }

  /** The error for writing a value of a class outside the list. */
  SerializationException refusedWrite(String typeId, Throwable cause) {
    return new SerializationException(
        "Cache '" + alias + "': refusing to write a " + typeId + " (options.serializer:"
            + " json_typed): " + notAllowed(),
        cause);
  }

  private String notAllowed() {
    return "its package is not in options.serializer_allow ("
        + (packages.isEmpty() ? "empty" : String.join(", ", packages))
        + "); add the package if the class is trusted";
  }

  @Override
  public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
    return Validity.INDETERMINATE;
  }

  @Override
  public Validity validateSubClassName(
      MapperConfig<?> config, JavaType baseType, String subClassName) {
    return permits(subClassName) ? Validity.ALLOWED : Validity.DENIED;
  }

  @Override
  public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
    return permits(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
  }
}
