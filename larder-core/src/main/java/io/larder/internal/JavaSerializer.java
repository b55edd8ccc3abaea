package io.larder.internal;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import io.larder.spi.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * JDK serialization behind an {@link ObjectInputFilter} allow-list: only classes of {@code
 * java.lang}, {@code java.util}, {@code java.time}, {@code java.math} and the packages named in
 * {@code options.serializer_allow} are ever instantiated, so bytes written by someone else cannot
 * run a gadget chain.
 *
 * <p>Reading is bounded as well as filtered, so that a small hostile value can neither hang nor
 * exhaust the reader: the stream's nesting and the work its hashing collections would do are
 * checked against the {@link io.larder.spi.DecodingBudget} before anything is read ({@link
 * JavaStreamCheck}), and the filter allows at most {@value #MAX_REFERENCES} references and no
 * array longer than the stream could fill (a few bytes declaring a billion elements would otherwise
 * be allocated). A value that breaks a limit is a {@link SerializationException}, as a corrupt one
 * is.
 */
final class JavaSerializer implements Serializer {
  static final List<String> DEFAULT_PACKAGES =
      List.of("java.lang", "java.util", "java.time", "java.math");
  private static final long MAX_REFERENCES = 5_000_000;

  private final String alias;
  private final List<String> allowed;

  JavaSerializer(String alias, List<String> extraPackages) {
    this.alias = alias;
    this.allowed = Stream.concat(DEFAULT_PACKAGES.stream(), extraPackages.stream()).toList();
  }

  @Override
  public byte[] serialize(Object value) {
    byte[] direct = JavaSerialForms.write(value);
    if (direct != null) {
      return direct;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException | StackOverflowError e) {
      throw new SerializationException(
          "Cache '"
              + alias
              + "' cannot serialize a "
              + (value == null ? "null" : value.getClass().getName())
              + " with the java serializer ("
              + e
              + "); values must implement java.io.Serializable",
          e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object deserialize(byte[] bytes) {
    Object direct = JavaSerialForms.read(bytes);
    if (direct != JavaSerialForms.NOT_HANDLED) {
      return direct;
    }
    AllowList filter = new AllowList(bytes.length);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      JavaStreamCheck.check(bytes);
      in.setObjectInputFilter(filter);
      return in.readObject();
    } catch (InvalidClassException e) {
      if (filter.rejected != null) {
        throw new DisallowedClassException(
            filter.rejected,
            "its package is not allowed for cache '"
                + alias
                + "'; allowed: "
                + String.join(", ", allowed)
                + ". Add the package to options.serializer_allow if the class is trusted.");
      }
      throw corrupt(e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw corrupt(e);
    }
  }

  private SerializationException corrupt(Throwable e) {
    return new SerializationException(
        "Cache '" + alias + "': stored bytes are not a java-serialized value (" + e + ")", e);
  }

  /** The filter; remembers the class it rejected, for the message. */
  private final class AllowList implements ObjectInputFilter {
    private final long maxArrayLength;
    private String rejected;

    AllowList(long streamLength) {
      // An element takes at least a byte of the stream; a HashMap's table may be up to 8 times its
      // entries (its load factor is read from the stream, clamped to 0.25). Longer is a lie that
      // would make the reader allocate gigabytes for a few bytes.
      this.maxArrayLength = 8 * streamLength + 64;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      if (info.references() > MAX_REFERENCES
          || info.arrayLength() > maxArrayLength) {
        return Status.REJECTED;
      }
      Class<?> type = info.serialClass();
      if (type == null) {
        return Status.UNDECIDED;
      }
      boolean array = type.isArray();
      while (type.isArray()) {
        type = type.getComponentType();
      }
      // An array of an interface type (Hibernate's Serializable[] of an entity's state)
      // instantiates nothing but the array; each element is checked as it is read.
      if (type.isPrimitive() || (array && type.isInterface()) || isAllowed(type.getPackageName())) {
        return Status.ALLOWED;
      }
      rejected = type.getName();
      return Status.REJECTED;
    }
  }

  private boolean isAllowed(String packageName) {
    for (String prefix : allowed) {
      if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
        return !packageName.startsWith("java.lang.invoke")
            && !packageName.startsWith("java.lang.reflect");
      }
    }
    return false;
  }
}
