package io.larder;

/**
 * Stored bytes name a class the serializer's allow-list does not permit: they are never
 * deserialized. Allow a package with {@code options.serializer_allow}.
 *
 * @since 0.1
 */
public class DisallowedClassException extends SerializationException {
  /** The fully qualified name of the refused class. */
  private final String className;

  /**
   * A refusal of {@code className}.
   *
   * @param className the fully qualified name of the class the stored value asked for
   * @param hint how to allow it, e.g. the setting that lists allowed classes
   */
  public DisallowedClassException(String className, String hint) {
    super("Refusing to deserialize class '" + className + "': " + hint);
    this.className = className;
  }

  /**
   * The rejected class.
   *
   * @return the fully qualified name of the class that was refused
   */
  public String className() {
    return className;
  }
}
