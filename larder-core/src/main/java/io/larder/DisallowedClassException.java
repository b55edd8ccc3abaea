package io.larder;

/**
 * Stored bytes name a class the serializer's allow-list does not permit: they are never
 * deserialized. Allow a package with {@code options.serializer_allow}.
 *
 * @since 0.1
 */
public class DisallowedClassException extends SerializationException {
  private final String className;

  public DisallowedClassException(String className, String hint) {
    super("Refusing to deserialize class '" + className + "': " + hint);
    this.className = className;
  }

  /** The rejected class. */
  public String className() {
    return className;
  }
}
